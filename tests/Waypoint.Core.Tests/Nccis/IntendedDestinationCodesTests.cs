using Waypoint.Core.Nccis;

namespace Waypoint.Core.Tests.Nccis;

public class IntendedDestinationCodesTests
{
    [Theory]
    [InlineData("111", "Full-time education: same school")]
    [InlineData("121", "Full-time education or training: other institution")]
    [InlineData("211", "Apprenticeship or traineeship")]
    [InlineData("311", "Full-time employment with part-time accredited study")]
    [InlineData("321", "Employment without accredited training")]
    [InlineData("411", "Other destination")]
    [InlineData("511", "Undecided")]
    [InlineData("611", "Not obtained")]
    public void IsValid_EveryId01Code_IsValidAndDescribed(string code, string description)
    {
        Assert.True(IntendedDestinationCodes.IsValid(code));
        Assert.Equal(description, IntendedDestinationCodes.Describe(code));
    }

    [Fact]
    public void All_ComparedWithReferenceSection51_HoldsExactlyEightCodesInOrder() =>
        Assert.Equal(["111", "121", "211", "311", "321", "411", "511", "611"], IntendedDestinationCodes.All.Select(c => c.Code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("110")]
    [InlineData("999")]
    [InlineData(" 111")]
    public void IsValid_MissingOrUnknownCode_ReturnsFalse(string? code) => Assert.False(IntendedDestinationCodes.IsValid(code));

    [Fact]
    public void Describe_UnknownCode_SaysUnknown() =>
        Assert.Equal("Unknown intended destination 999", IntendedDestinationCodes.Describe("999"));
}
