using Waypoint.Core.Identifiers;

namespace Waypoint.Core.Tests.Identifiers;

public class UpnTests
{
    [Theory]
    [InlineData("H801200001001")]
    [InlineData("B801200005001")]
    [InlineData("G80120000101A")]
    [InlineData("F938400125017")]
    [InlineData("P207000016049")]
    public void Validate_ValidUpn_ReturnsNoError(string upn) => Assert.Null(Upn.Validate(upn));

    [Theory]
    [InlineData("Z801200001001", "UPN invalid (wrong check letter at character 1)")]
    [InlineData("A801200005001", "UPN invalid (wrong check letter at character 1)")]
    [InlineData("Q207000016049", "UPN invalid (wrong check letter at character 1)")]
    [InlineData("G80120000101S", "UPN invalid (character 13 not a recognised value)")]
    [InlineData("G80120000101I", "UPN invalid (character 13 not a recognised value)")]
    [InlineData("G80120000101O", "UPN invalid (character 13 not a recognised value)")]
    [InlineData("H8012000010", "UPN must be 13 characters")]
    [InlineData("H8012X0001001", "UPN invalid (characters 2-12 not all numeric)")]
    [InlineData("", "UPN missing")]
    public void Validate_InvalidUpn_ReturnsDfeMessage(string upn, string expected) => Assert.Equal(expected, Upn.Validate(upn));

    [Fact]
    public void Create_FromParts_GivesValidUpnWithCheckLetter()
    {
        var upn = Upn.Create("801", "2000", 2001, 1);

        Assert.Equal("H801200001001", upn);
    }
}
