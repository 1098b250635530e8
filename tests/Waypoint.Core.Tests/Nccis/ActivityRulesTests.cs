using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tests.Nccis;

public class ActivityRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Year11DateOfBirth = new(2011, 1, 10);
    private static readonly DateOnly Year12DateOfBirth = new(2010, 3, 15);

    private static readonly ActivityEntry FurtherEducation = new(
        Code: "230",
        StartDate: new(2026, 9, 7),
        DateAscertained: new(2026, 9, 10),
        DateVerified: new(2026, 10, 1),
        ReviewDate: null,
        PredictedEndDate: new(2027, 7, 16),
        NeetStartDate: null,
        EstablishmentNumber: "9374001",
        Ukprn: "10001234");

    private static readonly ActivityEntry Seeking = FurtherEducation with
    {
        Code = "619",
        NeetStartDate = new(2026, 9, 1),
        ReviewDate = new(2027, 1, 15),
        PredictedEndDate = null,
        EstablishmentNumber = null,
        Ukprn = null,
    };

    private static readonly PersonFacts Year12 = new(Year12DateOfBirth, Gender.F, HasEhcPlan: false, []);
    private static readonly PersonFacts Year11 = Year12 with { DateOfBirth = Year11DateOfBirth };

    private readonly ActivityRules rules = new(new CurrencyOptions());

    public static TheoryData<string> CurrentCodes => new(ActivityCodes.All.Select(a => a.Code));

    public static TheoryData<string> NeetCodes => new(ActivityCodes.All.Where(a => a.IsNeet).Select(a => a.Code));

    [Fact]
    public void Validate_ValidFurtherEducationEntry_NoViolations() => Assert.Empty(Validate(FurtherEducation));

    [Theory]
    [MemberData(nameof(CurrentCodes))]
    public void Validate_EveryCurrentCodeForAnEligiblePerson_NoViolations(string code)
    {
        var activity = ActivityCodes.Find(code)!;
        var entry = FurtherEducation with { Code = code, ReviewDate = new(2027, 1, 15), NeetStartDate = activity.IsNeet ? new(2026, 9, 1) : null };
        var person = new PersonFacts(
            activity.Group == ActivityGroup.CompulsoryAge ? Year11DateOfBirth : code == "440" ? new(2008, 3, 15) : Year12DateOfBirth,
            Gender.F,
            HasEhcPlan: true,
            ["120", "140", "180"]);

        Assert.Empty(Validate(entry, person));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_CodeMissing_Error200(string? code) => AssertSingle(Validate(FurtherEducation with { Code = code }), "Code", 200);

    [Theory]
    [InlineData("999")]
    [InlineData("420")]
    [InlineData("551")]
    [InlineData("111")]
    public void Validate_CodeNotInCa01_Error201(string code) => AssertSingle(Validate(FurtherEducation with { Code = code }), "Code", 201);

    [Fact]
    public void Validate_WithdrawnCode720_Error201()
    {
        var violation = AssertSingle(Validate(FurtherEducation with { Code = "720" }), "Code", 201);

        Assert.Contains("withdrawn", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StartDateMissing_Error202() =>
        AssertSingle(Validate(FurtherEducation with { StartDate = null }), "StartDate", 202, "Enter the date the activity started");

    [Fact]
    public void Validate_DateAscertainedMissing_Error203() => AssertSingle(Validate(FurtherEducation with { DateAscertained = null }), "DateAscertained", 203);

    [Fact]
    public void Validate_DateAscertainedBeforeStartDate_Error242() =>
        AssertSingle(Validate(FurtherEducation with { DateAscertained = new(2026, 9, 6) }), "DateAscertained", 242);

    [Fact]
    public void Validate_DateAscertainedOnStartDate_NoViolations() => Assert.Empty(Validate(FurtherEducation with { DateAscertained = new(2026, 9, 7) }));

    [Fact]
    public void Validate_DateAscertainedAfterDateVerified_Error237() =>
        AssertSingle(Validate(FurtherEducation with { DateAscertained = new(2026, 10, 2) }), "DateAscertained", 237);

    [Fact]
    public void Validate_DateAscertainedOnDateVerified_NoViolations() => Assert.Empty(Validate(FurtherEducation with { DateAscertained = new(2026, 10, 1) }));

    [Fact]
    public void Validate_DateVerifiedBeforeStartDate_Error256()
    {
        var violations = Validate(FurtherEducation with { DateAscertained = new(2026, 9, 6), DateVerified = new(2026, 9, 6) });

        Assert.Equal([242, 256], violations.Select(v => v.NccisError ?? 0).Order());
        Assert.Contains(violations, v => v.Field == "DateVerified" && v.NccisError == 256);
    }

    [Fact]
    public void Validate_DateVerifiedAfterToday_Error305() =>
        AssertSingle(Validate(FurtherEducation with { DateVerified = Today.AddDays(1) }), "DateVerified", 305, "Date verified must be today or in the past");

    [Fact]
    public void Validate_DateVerifiedToday_NoViolations() => Assert.Empty(Validate(FurtherEducation with { DateVerified = Today }));

    [Fact]
    public void Validate_DateVerifiedMissing_NoViolations() => Assert.Empty(Validate(FurtherEducation with { DateVerified = null }));

    [Fact]
    public void Validate_DateAscertainedAfterToday_ViolationWithoutNccisNumber()
    {
        var entry = FurtherEducation with { StartDate = Today.AddDays(1), DateAscertained = Today.AddDays(1), DateVerified = null };

        AssertSingle(Validate(entry), "DateAscertained", null, "Date ascertained must be today or in the past");
    }

    [Fact]
    public void Validate_DateAscertainedToday_NoViolations() =>
        Assert.Empty(Validate(FurtherEducation with { StartDate = Today, DateAscertained = Today, DateVerified = null }));

    [Theory]
    [MemberData(nameof(NeetCodes))]
    public void Validate_NeetCodeWithoutNeetStartDate_Error224(string code) =>
        AssertSingle(Validate(Seeking with { Code = code, NeetStartDate = null }, Year12 with { CurrentCharacteristicCodes = ["120", "140", "180"] }), "NeetStartDate", 224);

    [Theory]
    [MemberData(nameof(NeetCodes))]
    public void Validate_NeetCodeWithNeetStartDate_NoViolations(string code) =>
        Assert.Empty(Validate(Seeking with { Code = code }, Year12 with { CurrentCharacteristicCodes = ["120", "140", "180"] }));

    [Fact]
    public void Validate_NeetStartDateAfterStartDate_Error225() =>
        AssertSingle(Validate(Seeking with { NeetStartDate = new(2026, 9, 8) }), "NeetStartDate", 225);

    [Fact]
    public void Validate_NeetStartDateOnStartDate_NoViolations() => Assert.Empty(Validate(Seeking with { NeetStartDate = new(2026, 9, 7) }));

    [Theory]
    [InlineData("230")]
    [InlineData("310")]
    [InlineData("530")]
    [InlineData("710")]
    [InlineData("810")]
    public void Validate_NeetStartDateForNonNeetCode_Error226(string code)
    {
        var entry = FurtherEducation with { Code = code, ReviewDate = new(2027, 1, 15), NeetStartDate = new(2026, 9, 1) };

        var violation = AssertSingle(Validate(entry), "NeetStartDate", 226);

        Assert.StartsWith("Remove the NEET start date", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NeetStartDateBefore15thBirthday_Error251()
    {
        var violation = AssertSingle(Validate(Seeking with { NeetStartDate = new(2025, 3, 14) }), "NeetStartDate", 251);

        Assert.EndsWith("15 March 2025", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NeetStartDateOn15thBirthday_NoViolations() => Assert.Empty(Validate(Seeking with { NeetStartDate = new(2025, 3, 15) }));

    [Theory]
    [InlineData("2023-02-28", true)]
    [InlineData("2023-03-01", false)]
    public void Validate_BornOn29FebruaryNeetStartDate_15thBirthdayIs1March(string neetStart, bool error)
    {
        var person = Year12 with { DateOfBirth = new(2008, 2, 29) };
        var entry = Seeking with { NeetStartDate = DateOnly.Parse(neetStart, System.Globalization.CultureInfo.InvariantCulture) };

        var violations = Validate(entry, person);

        Assert.Equal(error, violations.Any(v => v.NccisError == 251));
    }

    [Theory]
    [InlineData("210")]
    [InlineData("310")]
    [InlineData("530")]
    [InlineData("619")]
    [InlineData("810")]
    public void Validate_PostSixteenCodeForYear11_Error229(string code)
    {
        var entry = (code == "619" ? Seeking : FurtherEducation) with { Code = code };

        var violation = AssertSingle(Validate(entry, Year11), "Code", 229);

        Assert.Contains("Year 11", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PostSixteenCodeStartedWhileInYear11_Error229()
    {
        var entry = FurtherEducation with { StartDate = new(2026, 6, 1), DateAscertained = new(2026, 6, 1) };

        AssertSingle(Validate(entry, Year12), "Code", 229);
    }

    [Fact]
    public void Validate_PostSixteenCodeWithoutStartDate_UsesAgeToday()
    {
        var violations = Validate(FurtherEducation with { StartDate = null }, Year11);

        Assert.Equal([202, 229], violations.Select(v => v.NccisError).Order());
    }

    [Theory]
    [InlineData("110")]
    [InlineData("120")]
    [InlineData("130")]
    [InlineData("140")]
    [InlineData("150")]
    public void Validate_CompulsoryAgeCodeForYear12_Error230(string code) =>
        AssertSingle(Validate(FurtherEducation with { Code = code }, Year12), "Code", 230);

    [Fact]
    public void Validate_CompulsoryAgeCodeForYear10_Error230() =>
        AssertSingle(Validate(FurtherEducation with { Code = "110" }, Year11 with { DateOfBirth = new(2012, 1, 10) }), "Code", 230);

    [Fact]
    public void Validate_CompulsoryAgeCodeForYear11_NoViolations() => Assert.Empty(Validate(FurtherEducation with { Code = "110" }, Year11));

    [Fact]
    public void Validate_Code620WithoutCarerCharacteristic_Error233() =>
        AssertSingle(
            Validate(Seeking with { Code = "620" }),
            "Code",
            233,
            "Activity 620 (young carer) needs the young person to have characteristic 140 (carer) recorded first");

    [Fact]
    public void Validate_Code620WithCarerCharacteristic_NoViolations() =>
        Assert.Empty(Validate(Seeking with { Code = "620" }, Year12 with { CurrentCharacteristicCodes = ["140"] }));

    [Fact]
    public void Validate_Code630WithoutParentCharacteristic_Error234() => AssertSingle(Validate(Seeking with { Code = "630" }, Year12 with { CurrentCharacteristicCodes = ["190"] }), "Code", 234);

    [Fact]
    public void Validate_Code630WithParentCharacteristic_NoViolations() =>
        Assert.Empty(Validate(Seeking with { Code = "630" }, Year12 with { CurrentCharacteristicCodes = ["120"] }));

    [Fact]
    public void Validate_Code650WithoutPregnantCharacteristic_Error235() => AssertSingle(Validate(Seeking with { Code = "650" }), "Code", 235);

    [Fact]
    public void Validate_Code650WithPregnantCharacteristic_NoViolations() =>
        Assert.Empty(Validate(Seeking with { Code = "650" }, Year12 with { CurrentCharacteristicCodes = ["180"] }));

    [Fact]
    public void Validate_Code280WithoutEhcPlan_Error254() =>
        AssertSingle(Validate(FurtherEducation with { Code = "280" }), "Code", 254, "Activity 280 (special post-16 institution) is only for young people with an EHC plan");

    [Fact]
    public void Validate_Code280WithEhcPlan_NoViolations() => Assert.Empty(Validate(FurtherEducation with { Code = "280" }, Year12 with { HasEhcPlan = true }));

    [Fact]
    public void Validate_Code460WithoutEhcPlan_Error255() => AssertSingle(Validate(FurtherEducation with { Code = "460" }), "Code", 255);

    [Fact]
    public void Validate_Code460WithEhcPlan_NoViolations() => Assert.Empty(Validate(FurtherEducation with { Code = "460" }, Year12 with { HasEhcPlan = true }));

    [Theory]
    [InlineData("2010-03-15")]
    [InlineData("2009-03-15")]
    public void Validate_Code440AtAcademicAge16Or17_Error253(string dateOfBirth)
    {
        var person = Year12 with { DateOfBirth = DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture) };

        AssertSingle(Validate(FurtherEducation with { Code = "440" }, person), "Code", 253);
    }

    [Fact]
    public void Validate_Code440AtAcademicAge18_NoViolations() =>
        Assert.Empty(Validate(FurtherEducation with { Code = "440" }, Year12 with { DateOfBirth = new(2008, 3, 15) }));

    [Theory]
    [InlineData("260")]
    [InlineData("290")]
    [InlineData("350")]
    [InlineData("616")]
    [InlineData("710")]
    public void Validate_ReviewDateMissingForTemporaryActivity_Error262(string code)
    {
        var entry = (code == "616" ? Seeking : FurtherEducation) with { Code = code, ReviewDate = null };

        AssertSingle(Validate(entry), "ReviewDate", 262);
    }

    [Theory]
    [InlineData("260")]
    [InlineData("290")]
    [InlineData("350")]
    [InlineData("616")]
    [InlineData("710")]
    public void Validate_ReviewDateGivenForTemporaryActivity_NoViolations(string code)
    {
        var entry = (code == "616" ? Seeking : FurtherEducation) with { Code = code, ReviewDate = new(2027, 1, 15) };

        Assert.Empty(Validate(entry));
    }

    [Fact]
    public void Validate_Code615WithoutReviewDateByDefault_NoViolations() => Assert.Empty(Validate(Seeking with { Code = "615", ReviewDate = null }));

    [Fact]
    public void Validate_Code615WithoutReviewDateWhenConfiguredAsRequired_Error262()
    {
        var options = new CurrencyOptions();
        options.ReviewDateRequiredCodes.Add("615");

        var violations = new ActivityRules(options).Validate(Seeking with { Code = "615", ReviewDate = null }, Year12, Today);

        AssertSingle(violations, "ReviewDate", 262);
    }

    [Fact]
    public void Validate_ReviewDateAfterPredictedEndDate_Error257() =>
        AssertSingle(Validate(FurtherEducation with { Code = "260", ReviewDate = new(2027, 7, 17) }), "ReviewDate", 257);

    [Fact]
    public void Validate_ReviewDateOnPredictedEndDate_NoViolations() =>
        Assert.Empty(Validate(FurtherEducation with { Code = "260", ReviewDate = new(2027, 7, 16) }));

    [Theory]
    [InlineData("210")]
    [InlineData("220")]
    [InlineData("230")]
    [InlineData("240")]
    [InlineData("250")]
    [InlineData("260")]
    [InlineData("270")]
    [InlineData("280")]
    [InlineData("290")]
    [InlineData("410")]
    [InlineData("430")]
    [InlineData("440")]
    [InlineData("450")]
    [InlineData("460")]
    public void Validate_EducationOrTrainingWithoutPredictedEndDate_Error259(string code)
    {
        var entry = FurtherEducation with { Code = code, PredictedEndDate = null, ReviewDate = new(2027, 1, 15) };
        var person = Year12 with { HasEhcPlan = true, DateOfBirth = code == "440" ? new(2008, 3, 15) : Year12DateOfBirth };

        AssertSingle(Validate(entry, person), "PredictedEndDate", 259);
    }

    [Theory]
    [InlineData("110")]
    [InlineData("150")]
    public void Validate_CompulsoryAgeWithoutPredictedEndDate_Error259(string code) =>
        AssertSingle(Validate(FurtherEducation with { Code = code, PredictedEndDate = null }, Year11), "PredictedEndDate", 259);

    [Theory]
    [InlineData("310")]
    [InlineData("320")]
    [InlineData("330")]
    [InlineData("530")]
    [InlineData("810")]
    public void Validate_ApprenticeshipOrNonEducationWithoutPredictedEndDate_NoViolations(string code) =>
        Assert.Empty(Validate(FurtherEducation with { Code = code, PredictedEndDate = null }));

    [Fact]
    public void Validate_PredictedEndDateBeforeStartDate_ViolationWithoutNccisNumber() =>
        AssertSingle(Validate(FurtherEducation with { PredictedEndDate = new(2026, 9, 6) }), "PredictedEndDate", null);

    [Fact]
    public void Validate_PredictedEndDateOnStartDate_NoViolations() => Assert.Empty(Validate(FurtherEducation with { PredictedEndDate = new(2026, 9, 7) }));

    [Theory]
    [InlineData("937400")]
    [InlineData("93740012")]
    [InlineData("937A001")]
    [InlineData("937 001")]
    public void Validate_EstablishmentNumberNotSevenDigits_Error228(string number) =>
        AssertSingle(Validate(FurtherEducation with { EstablishmentNumber = number }), "EstablishmentNumber", 228);

    [Theory]
    [InlineData("9374001")]
    [InlineData("9379999")]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_EstablishmentNumberSevenDigitsOrBlank_NoViolations(string? number) =>
        Assert.Empty(Validate(FurtherEducation with { EstablishmentNumber = number }));

    [Theory]
    [InlineData("1000123")]
    [InlineData("100012345")]
    [InlineData("20001234")]
    [InlineData("1000123X")]
    public void Validate_UkprnNotEightDigitsStartingWith1_Error39(string ukprn) =>
        AssertSingle(Validate(FurtherEducation with { Ukprn = ukprn }), "Ukprn", 39, "UKPRN must be 8 digits starting with 1");

    [Theory]
    [InlineData("10001234")]
    [InlineData(null)]
    [InlineData(" ")]
    public void Validate_UkprnValidOrBlank_NoViolations(string? ukprn) => Assert.Empty(Validate(FurtherEducation with { Ukprn = ukprn }));

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOnItsField()
    {
        var entry = new ActivityEntry("620", null, null, null, null, null, null, "12", "2");

        var violations = Validate(entry);

        Assert.Equal([39, 202, 203, 224, 228, 233], violations.Select(v => v.NccisError ?? 0).Order());
    }

    private IReadOnlyList<RuleViolation> Validate(ActivityEntry entry, PersonFacts? person = null) => rules.Validate(entry, person ?? Year12, Today);

    private static RuleViolation AssertSingle(IReadOnlyList<RuleViolation> violations, string field, int? error, string? message = null)
    {
        var violation = Assert.Single(violations);
        Assert.Equal(field, violation.Field);
        Assert.Equal(error, violation.NccisError);
        if (message is not null)
        {
            Assert.Equal(message, violation.Message);
        }

        return violation;
    }
}
