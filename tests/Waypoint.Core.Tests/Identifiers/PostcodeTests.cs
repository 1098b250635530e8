using Waypoint.Core.Identifiers;

namespace Waypoint.Core.Tests.Identifiers;

public class PostcodeTests
{
    [Theory]
    [InlineData("SW1A 1AA")]
    [InlineData("EC1A 1BB")]
    [InlineData("W1A 0AX")]
    [InlineData("M1 1AE")]
    [InlineData("B33 8TH")]
    [InlineData("CR2 6XH")]
    [InlineData("DN55 1PT")]
    [InlineData("GIR 0AA")]
    [InlineData("ox43ab")]
    [InlineData(" OX4  3AB ")]
    public void IsValid_RealShapes_Accepted(string postcode) => Assert.True(Postcode.IsValid(postcode));

    [Theory]
    [InlineData("QA1 1AA")]
    [InlineData("M1 1AC")]
    [InlineData("OX4")]
    [InlineData("12345")]
    public void IsValid_ImpossibleShapes_Rejected(string postcode) => Assert.False(Postcode.IsValid(postcode));

    [Theory]
    [InlineData(" ox141rb", "OX14 1RB")]
    [InlineData("OX14 1RB", "OX14 1RB")]
    [InlineData("OX14 1rB", "OX14 1RB")]
    [InlineData("OX1 41RB", "OX14 1RB")]
    [InlineData("OX14  1RB", "OX14 1RB")]
    [InlineData("OX14\t1RB", "OX14 1RB")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("M11AE", "M1 1AE")]
    [InlineData("1 1AE", "1 1AE")]
    [InlineData("OX4", "OX4")]
    public void Normalise_SpacingAndCase_GivesStandardForm(string postcode, string expected) =>
        Assert.Equal(expected, Postcode.Normalise(System.Text.RegularExpressions.Regex.Unescape(postcode)));
}
