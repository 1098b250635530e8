using Waypoint.Core.Nccis;

namespace Waypoint.Core.Tests.Nccis;

public class ActivityCodesTests
{
    // Every current CA01 code in shared/reference/nccis.md section 3; 720 was withdrawn in April 2018.
    private static readonly string[] Section3Codes =
    [
        "110", "120", "130", "140", "150",
        "210", "220", "230", "240", "250", "260", "270", "280", "290",
        "310", "320", "330", "340", "350", "360", "380", "381", "550",
        "410", "430", "440", "450", "460",
        "530",
        "540", "610", "615", "616", "619",
        "620", "630", "640", "650", "660", "670", "680",
        "710",
        "810", "820", "830",
    ];

    [Fact]
    public void All_ComparedWithReferenceSection3_HoldsExactlyTheCurrentCodes()
    {
        var codes = ActivityCodes.All.Select(a => a.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(Section3Codes.Order(), codes.Order());
        Assert.DoesNotContain("720", codes);
    }

    [Theory]
    [InlineData("110", ActivityGroup.CompulsoryAge, false, false, false, false)]
    [InlineData("120", ActivityGroup.CompulsoryAge, false, false, false, false)]
    [InlineData("130", ActivityGroup.CompulsoryAge, false, false, false, false)]
    [InlineData("140", ActivityGroup.CompulsoryAge, false, false, false, false)]
    [InlineData("150", ActivityGroup.CompulsoryAge, false, false, true, false)]
    [InlineData("210", ActivityGroup.Education, true, false, false, true)]
    [InlineData("220", ActivityGroup.Education, true, false, false, true)]
    [InlineData("230", ActivityGroup.Education, true, false, false, true)]
    [InlineData("240", ActivityGroup.Education, true, false, false, true)]
    [InlineData("250", ActivityGroup.Education, true, false, false, true)]
    [InlineData("260", ActivityGroup.Education, false, false, false, true)]
    [InlineData("270", ActivityGroup.Education, true, false, false, true)]
    [InlineData("280", ActivityGroup.Education, true, false, false, true)]
    [InlineData("290", ActivityGroup.Education, true, false, false, true)]
    [InlineData("310", ActivityGroup.Employment, true, false, false, true)]
    [InlineData("320", ActivityGroup.Employment, true, false, false, true)]
    [InlineData("330", ActivityGroup.Employment, false, false, false, true)]
    [InlineData("340", ActivityGroup.Employment, false, false, false, true)]
    [InlineData("350", ActivityGroup.Employment, false, false, false, true)]
    [InlineData("360", ActivityGroup.Employment, false, false, false, true)]
    [InlineData("380", ActivityGroup.Employment, false, false, false, true)]
    [InlineData("381", ActivityGroup.Employment, true, false, false, true)]
    [InlineData("550", ActivityGroup.Employment, true, false, false, true)]
    [InlineData("410", ActivityGroup.Training, true, false, false, true)]
    [InlineData("430", ActivityGroup.Training, true, false, false, true)]
    [InlineData("440", ActivityGroup.Training, false, false, false, true)]
    [InlineData("450", ActivityGroup.Training, true, false, false, true)]
    [InlineData("460", ActivityGroup.Training, true, false, false, true)]
    [InlineData("530", ActivityGroup.ReEngagement, false, false, false, true)]
    [InlineData("540", ActivityGroup.NeetActive, false, true, false, true)]
    [InlineData("610", ActivityGroup.NeetActive, false, true, false, true)]
    [InlineData("615", ActivityGroup.NeetActive, false, true, false, true)]
    [InlineData("616", ActivityGroup.NeetActive, false, true, false, true)]
    [InlineData("619", ActivityGroup.NeetActive, false, true, false, true)]
    [InlineData("620", ActivityGroup.NeetInactive, false, true, false, true)]
    [InlineData("630", ActivityGroup.NeetInactive, false, true, false, true)]
    [InlineData("640", ActivityGroup.NeetInactive, false, true, false, true)]
    [InlineData("650", ActivityGroup.NeetInactive, false, true, false, true)]
    [InlineData("660", ActivityGroup.NeetInactive, false, true, false, true)]
    [InlineData("670", ActivityGroup.NeetInactive, false, true, false, true)]
    [InlineData("680", ActivityGroup.NeetInactive, false, true, false, true)]
    [InlineData("710", ActivityGroup.Other, false, false, false, false)]
    [InlineData("810", ActivityGroup.NotKnown, false, false, true, true)]
    [InlineData("820", ActivityGroup.NotKnown, false, false, true, true)]
    [InlineData("830", ActivityGroup.NotKnown, false, false, true, true)]
    public void Find_EveryCode_HasReferenceGroupAndFlags(string code, ActivityGroup group, bool participating, bool neet, bool notKnown, bool inDenominator)
    {
        var activity = ActivityCodes.Find(code);

        Assert.NotNull(activity);
        Assert.Equal(group, activity.Group);
        Assert.Equal(participating, activity.Participating);
        Assert.Equal(neet, activity.IsNeet);
        Assert.Equal(notKnown, activity.IsNotKnown);
        Assert.Equal(inDenominator, activity.InDenominator);
        Assert.Equal(neet, ActivityCodes.Neet.Contains(code));
    }

    [Theory]
    [InlineData("280")]
    [InlineData("460")]
    public void Find_SendOnlyCodes_AreMarkedSendOnly(string code) => Assert.True(ActivityCodes.Find(code)!.SendOnly);

    [Fact]
    public void All_OnlySpecialPost16AndSupportedInternship_AreSendOnly() =>
        Assert.Equal(["280", "460"], ActivityCodes.All.Where(a => a.SendOnly).Select(a => a.Code));

    [Fact]
    public void NotKnown_ComparedWithReference_Is810To830() => Assert.Equal(["810", "820", "830"], ActivityCodes.NotKnown.Order());

    [Theory]
    [InlineData("720")]
    [InlineData("420")]
    [InlineData("999")]
    public void Find_WithdrawnOrUnknownCode_ReturnsNull(string code) => Assert.Null(ActivityCodes.Find(code));

    [Fact]
    public void Describe_UnknownCode_SaysUnknown() => Assert.Equal("Unknown activity 720", ActivityCodes.Describe("720"));

    [Theory]
    [InlineData("110", "Looked after / in care")]
    [InlineData("120", "Parent caring for own child")]
    [InlineData("130", "Refugee or asylum seeker")]
    [InlineData("140", "Carer (not own child)")]
    [InlineData("150", "Substance misuse")]
    [InlineData("160", "Care leaver")]
    [InlineData("170", "Supervised by Youth Offending Team")]
    [InlineData("180", "Pregnant")]
    [InlineData("190", "Parent not caring for own child")]
    [InlineData("200", "Alternative provision")]
    [InlineData("210", "Mental health")]
    public void CharacteristicCodes_EveryIc01Code_IsDescribed(string code, string description) =>
        Assert.Equal(description, CharacteristicCodes.Describe(code));

    [Fact]
    public void CharacteristicCodes_ComparedWithReferenceSection4_HoldsExactlyElevenCodes() =>
        Assert.Equal(["110", "120", "130", "140", "150", "160", "170", "180", "190", "200", "210"], CharacteristicCodes.All.Keys.Order());
}
