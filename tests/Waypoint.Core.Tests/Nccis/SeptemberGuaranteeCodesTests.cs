using Waypoint.Core.Nccis;

namespace Waypoint.Core.Tests.Nccis;

public class SeptemberGuaranteeCodesTests
{
    [Theory]
    [InlineData("110", true, true, GuaranteeCategory.OfferMade)]
    [InlineData("114", false, true, GuaranteeCategory.OfferMade)]
    [InlineData("115", false, true, GuaranteeCategory.OfferMade)]
    [InlineData("120", true, true, GuaranteeCategory.NotAppropriate)]
    [InlineData("122", true, true, GuaranteeCategory.NotAppropriate)]
    [InlineData("123", true, true, GuaranteeCategory.NotAppropriate)]
    [InlineData("124", true, true, GuaranteeCategory.NotAppropriate)]
    [InlineData("140", true, true, GuaranteeCategory.NoOffer)]
    [InlineData("150", true, true, GuaranteeCategory.NoOffer)]
    [InlineData("151", true, true, GuaranteeCategory.NoOffer)]
    [InlineData("153", true, true, GuaranteeCategory.NoOffer)]
    [InlineData("154", true, true, GuaranteeCategory.NoOffer)]
    [InlineData("159", true, true, GuaranteeCategory.NotRecorded)]
    public void Find_EverySgCode_HasYearValidityAndCategory(string code, bool year11, bool year12, GuaranteeCategory category)
    {
        var status = SeptemberGuaranteeCodes.Find(code);

        Assert.NotNull(status);
        Assert.Equal(year11, status.Year11);
        Assert.Equal(year12, status.Year12);
        Assert.Equal(category, status.Category);
        Assert.Equal(year11, SeptemberGuaranteeCodes.IsValidFor(code, 11));
        Assert.Equal(year12, SeptemberGuaranteeCodes.IsValidFor(code, 12));
        Assert.Equal(status.Description, SeptemberGuaranteeCodes.Describe(code));
    }

    [Fact]
    public void All_ComparedWithReferenceSection52_HoldsExactlyThirteenCodes() =>
        Assert.Equal(
            ["110", "114", "115", "120", "122", "123", "124", "140", "150", "151", "153", "154", "159"],
            SeptemberGuaranteeCodes.All.Select(c => c.Code));

    [Theory]
    [InlineData("114")]
    [InlineData("115")]
    public void IsValidFor_Year12OnlyCodeOnYear11_ReturnsFalse(string code)
    {
        Assert.False(SeptemberGuaranteeCodes.IsValidFor(code, 11));
        Assert.True(SeptemberGuaranteeCodes.IsValidFor(code, 12));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(0)]
    public void IsValidFor_OtherYearGroup_ReturnsFalse(int yearGroup) => Assert.False(SeptemberGuaranteeCodes.IsValidFor("110", yearGroup));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("111")]
    [InlineData("160")]
    public void Find_MissingOrUnknownCode_ReturnsNullAndIsNotValid(string? code)
    {
        Assert.Null(SeptemberGuaranteeCodes.Find(code));
        Assert.False(SeptemberGuaranteeCodes.IsValidFor(code, 11));
        Assert.False(SeptemberGuaranteeCodes.IsValidFor(code, 12));
    }

    [Fact]
    public void Describe_UnknownCode_SaysUnknown() =>
        Assert.Equal("Unknown September Guarantee status 160", SeptemberGuaranteeCodes.Describe("160"));

    [Fact]
    public void Describe_Code124MissingFromThe2015Xsd_IsStillKnown() =>
        Assert.Equal("Offer not appropriate: personal development opportunities", SeptemberGuaranteeCodes.Describe("124"));
}
