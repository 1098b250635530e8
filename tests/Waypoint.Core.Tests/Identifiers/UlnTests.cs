using Waypoint.Core.Identifiers;

namespace Waypoint.Core.Tests.Identifiers;

public class UlnTests
{
    [Theory]
    [InlineData("9276308686", true)]
    [InlineData("1234567805", true)]
    [InlineData("9276308685", false)]
    [InlineData("0276308686", false)]
    [InlineData("1234567890", false)]
    [InlineData("927630868", false)]
    [InlineData("92763086a6", false)]
    public void IsValid_ReferenceVectors_MatchHesaRule(string uln, bool expected) => Assert.Equal(expected, Uln.IsValid(uln));

    [Fact]
    public void Complete_NineDigitStem_AddsCheckDigit() => Assert.Equal("9276308686", Uln.Complete("927630868"));
}
