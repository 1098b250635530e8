using Microsoft.Extensions.Configuration;
using Waypoint.Core.Nccis;

namespace Waypoint.Core.Tests.Nccis;

public class CurrencyCalculatorTests
{
    private static readonly DateOnly Ascertained = new(2026, 10, 1);
    private static readonly DateOnly Verified = new(2026, 10, 15);
    private static readonly DateOnly Review = new(2027, 1, 15);

    private readonly CurrencyCalculator calculator = new(new CurrencyOptions());

    [Theory]
    [InlineData("110")]
    [InlineData("120")]
    [InlineData("130")]
    [InlineData("140")]
    [InlineData("150")]
    [InlineData("210")]
    [InlineData("220")]
    [InlineData("230")]
    [InlineData("240")]
    [InlineData("250")]
    [InlineData("270")]
    [InlineData("280")]
    public void DueToLapseDate_EducationCode_Is31AugustOfThatAcademicYear(string code) =>
        Assert.Equal(new DateOnly(2027, 8, 31), calculator.DueToLapseDate(code, Ascertained, Verified, null, null));

    [Theory]
    [InlineData("2027-08-31", "2027-08-31")]
    [InlineData("2027-09-01", "2028-08-31")]
    [InlineData("2027-01-01", "2027-08-31")]
    public void DueToLapseDate_EducationCodeVerifiedAround31August_LapsesAtEndOfThatAcademicYear(string verified, string expected)
    {
        var date = DateOnly.Parse(verified, System.Globalization.CultureInfo.InvariantCulture);

        var due = calculator.DueToLapseDate("210", new DateOnly(2026, 9, 7), date, null, null);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Theory]
    [InlineData("310")]
    [InlineData("320")]
    public void DueToLapseDate_TwelveMonthCode_IsVerifiedPlusTwelveMonths(string code) =>
        Assert.Equal(new DateOnly(2027, 10, 15), calculator.DueToLapseDate(code, Ascertained, Verified, null, null));

    [Theory]
    [InlineData("330")]
    [InlineData("340")]
    [InlineData("360")]
    [InlineData("380")]
    [InlineData("381")]
    [InlineData("550")]
    [InlineData("410")]
    [InlineData("430")]
    [InlineData("440")]
    [InlineData("450")]
    [InlineData("460")]
    public void DueToLapseDate_SixMonthCode_IsVerifiedPlusSixMonths(string code) =>
        Assert.Equal(new DateOnly(2027, 4, 15), calculator.DueToLapseDate(code, Ascertained, Verified, null, null));

    [Fact]
    public void DueToLapseDate_ReEngagement530_IsVerifiedPlusThreeMonths() =>
        Assert.Equal(new DateOnly(2027, 1, 15), calculator.DueToLapseDate("530", Ascertained, Verified, null, null));

    [Fact]
    public void DueToLapseDate_NeverVerified_CountsFromDateAscertained() =>
        Assert.Equal(new DateOnly(2027, 4, 1), calculator.DueToLapseDate("330", Ascertained, null, null, null));

    [Fact]
    public void DueToLapseDate_SixMonthsFrom31August_IsLastDayOfFebruary() =>
        Assert.Equal(new DateOnly(2027, 2, 28), calculator.DueToLapseDate("330", new DateOnly(2026, 8, 31), null, null, null));

    [Theory]
    [InlineData("260")]
    [InlineData("290")]
    [InlineData("350")]
    [InlineData("710")]
    public void DueToLapseDate_ReviewDateCode_IsReviewDatePlusFourWeeks(string code) =>
        Assert.Equal(new DateOnly(2027, 2, 12), calculator.DueToLapseDate(code, Ascertained, Verified, Review, null));

    [Theory]
    [InlineData("260")]
    [InlineData("290")]
    [InlineData("350")]
    [InlineData("710")]
    public void DueToLapseDate_ReviewDateCodeWithoutReviewDate_ReturnsNull(string code) =>
        Assert.Null(calculator.DueToLapseDate(code, Ascertained, Verified, null, null));

    [Fact]
    public void DueToLapseDate_ReviewLapseWeeksConfigured_UsesConfiguredWeeks()
    {
        var twoWeeks = new CurrencyCalculator(new CurrencyOptions { ReviewLapseWeeks = 2 });

        Assert.Equal(new DateOnly(2027, 1, 29), twoWeeks.DueToLapseDate("260", Ascertained, Verified, Review, null));
    }

    [Theory]
    [InlineData("540")]
    [InlineData("610")]
    [InlineData("615")]
    [InlineData("616")]
    [InlineData("619")]
    [InlineData("620")]
    [InlineData("630")]
    [InlineData("640")]
    [InlineData("650")]
    [InlineData("660")]
    [InlineData("670")]
    [InlineData("680")]
    [InlineData("810")]
    [InlineData("820")]
    [InlineData("830")]
    public void DueToLapseDate_NeetOrNotKnownCode_ReturnsNull(string code) =>
        Assert.Null(calculator.DueToLapseDate(code, Ascertained, Verified, Review, new DateOnly(2027, 7, 31)));

    [Fact]
    public void DueToLapseDate_NeetCodeAddedToALapseList_StillReturnsNull()
    {
        var options = new CurrencyOptions();
        options.SixMonthCodes.Add("619");

        Assert.Null(new CurrencyCalculator(options).DueToLapseDate("619", Ascertained, Verified, null, null));
    }

    [Theory]
    [InlineData("720")]
    [InlineData("999")]
    public void DueToLapseDate_CodeWithNoRule_ReturnsNull(string code) =>
        Assert.Null(calculator.DueToLapseDate(code, Ascertained, Verified, Review, null));

    [Theory]
    [InlineData("310", "2027-03-31", "2027-03-31")]
    [InlineData("230", "2027-06-30", "2027-06-30")]
    [InlineData("260", "2027-02-01", "2027-02-01")]
    [InlineData("330", "2027-04-15", "2027-04-15")]
    [InlineData("330", "2027-12-31", "2027-04-15")]
    public void DueToLapseDate_PredictedEndDateGiven_NeverLater(string code, string predictedEnd, string expected)
    {
        var end = DateOnly.Parse(predictedEnd, System.Globalization.CultureInfo.InvariantCulture);

        var due = calculator.DueToLapseDate(code, Ascertained, Verified, Review, end);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void DueToLapseDate_CodeMovedBetweenLists_FollowsOptions()
    {
        var options = new CurrencyOptions { SixMonthCodes = ["330"], ThreeMonthCodes = ["530", "340"] };

        Assert.Equal(new DateOnly(2027, 1, 15), new CurrencyCalculator(options).DueToLapseDate("340", Ascertained, Verified, null, null));
    }

    [Fact]
    public void IsLapsed_OnTheDueDate_ReturnsTrue() => Assert.True(CurrencyCalculator.IsLapsed(new DateOnly(2027, 4, 15), new DateOnly(2027, 4, 15)));

    [Fact]
    public void IsLapsed_TheDayBeforeTheDueDate_ReturnsFalse() => Assert.False(CurrencyCalculator.IsLapsed(new DateOnly(2027, 4, 15), new DateOnly(2027, 4, 14)));

    [Fact]
    public void IsLapsed_AfterTheDueDate_ReturnsTrue() => Assert.True(CurrencyCalculator.IsLapsed(new DateOnly(2027, 4, 15), new DateOnly(2027, 5, 1)));

    [Fact]
    public void IsLapsed_NoDueDate_ReturnsFalse() => Assert.False(CurrencyCalculator.IsLapsed(null, new DateOnly(2099, 1, 1)));

    [Fact]
    public void CurrencyOptions_Defaults_MatchReferenceSection7()
    {
        var options = new CurrencyOptions();

        Assert.Equal(["110", "120", "130", "140", "150", "210", "220", "230", "240", "250", "270", "280"], options.EndOfAcademicYearCodes);
        Assert.Equal(["310", "320"], options.TwelveMonthCodes);
        Assert.Equal(["330", "340", "360", "380", "381", "550", "410", "430", "440", "450", "460"], options.SixMonthCodes);
        Assert.Equal(["530"], options.ThreeMonthCodes);
        Assert.Equal(["260", "290", "350", "710"], options.ReviewDateCodes);
        Assert.Equal(4, options.ReviewLapseWeeks);
        Assert.Equal(["260", "290", "350", "616", "710"], options.ReviewDateRequiredCodes);
    }

    [Fact]
    public void CurrencyOptions_DefaultLists_CoverEveryCodeThatNeedsALapseDateOnce()
    {
        var options = new CurrencyOptions();
        var listed = options.EndOfAcademicYearCodes.Concat(options.TwelveMonthCodes).Concat(options.SixMonthCodes)
            .Concat(options.ThreeMonthCodes).Concat(options.ReviewDateCodes).ToList();
        var needing = ActivityCodes.All.Where(a => !a.IsNeet && a.Group != ActivityGroup.NotKnown).Select(a => a.Code);

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(needing.Order(), listed.Order());
    }

    [Fact]
    public void FromConfiguration_ListConfigured_ReplacesDefaultRatherThanAppending()
    {
        var configuration = Configuration(new()
        {
            ["Nccis:Currency:SixMonthCodes:0"] = "330",
            ["Nccis:Currency:SixMonthCodes:1"] = "340",
            ["Nccis:Currency:ReviewLapseWeeks"] = "6",
        });

        var options = CurrencyOptions.FromConfiguration(configuration);

        Assert.Equal(["330", "340"], options.SixMonthCodes);
        Assert.Equal(6, options.ReviewLapseWeeks);
        Assert.Equal(["310", "320"], options.TwelveMonthCodes);
    }

    [Fact]
    public void FromConfiguration_CommaSeparatedValue_IsReadAsList()
    {
        var configuration = Configuration(new() { ["Nccis:Currency:ReviewDateRequiredCodes"] = "260, 290,350,615,616,710" });

        var options = CurrencyOptions.FromConfiguration(configuration);

        Assert.Equal(["260", "290", "350", "615", "616", "710"], options.ReviewDateRequiredCodes);
    }

    [Fact]
    public void FromConfiguration_EmptyValue_EmptiesList()
    {
        var configuration = Configuration(new() { ["Nccis:Currency:ThreeMonthCodes"] = "" });

        Assert.Empty(CurrencyOptions.FromConfiguration(configuration).ThreeMonthCodes);
    }

    [Fact]
    public void FromConfiguration_NothingConfigured_KeepsDefaults()
    {
        var options = CurrencyOptions.FromConfiguration(Configuration([]));

        Assert.Equal(new CurrencyOptions().SixMonthCodes, options.SixMonthCodes);
        Assert.Equal(4, options.ReviewLapseWeeks);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
