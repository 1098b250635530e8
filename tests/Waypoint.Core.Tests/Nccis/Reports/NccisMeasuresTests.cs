using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Nccis.Reports;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using static Waypoint.Core.Tests.Nccis.Reports.ReportsWorld;

namespace Waypoint.Core.Tests.Nccis.Reports;

public class NccisMeasuresTests
{
    private static readonly DateOnly December = new(2025, 12, 31);
    private static readonly DateOnly January = new(2026, 1, 31);
    private static readonly DateOnly February = new(2026, 2, 28);
    private static readonly DateOnly March = new(2026, 3, 31);

    // Academic age 16 in 2025/26 (born September 2008 to August 2009); 15 (Year 11) for the one born in 2010.
    private static readonly DateOnly SixteenIn2025 = new(2009, 1, 15);
    private static readonly DateOnly YearElevenIn2025 = new(2010, 1, 15);

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    /// <summary>
    /// The acceptance test: a hand-made cohort whose measures are worked out by hand below.
    ///
    ///   who  history                                                       Dec 31    Jan 31    Feb 28    Mar 31
    ///   A    230 college from 1 Sep 2025 (lapses 31 Aug 2026)              FT        FT        FT        FT education
    ///   B    230 college from 1 Sep 2025                                   FT        FT        FT        FT education
    ///   C    310 apprenticeship from 1 Sep 2025 (lapses 1 Sep 2026)        appr.     appr.     appr.     apprenticeship
    ///   D    619 NEET from 1 Oct 2025 (EHC plan)                           NEET      NEET      NEET      NEET
    ///   E    810 not known from 1 Oct 2025                                 NK        NK        NK        NK
    ///   F    330 job, ascertained 15 Jul 2025, verified 10 Feb 2026        neither   NK        neither   neither
    ///        (six months: lapses 15 Jan 2026 until the February verification moves it to 10 Aug 2026;
    ///        at 31 January that later verification had not happened, so it is ignored)
    ///   G    710 custody from 1 Sep 2025                                   out of the denominator every month
    ///   H    230 from 1 Sep 2025, then 619 from 10 Jan 2026 (SEN support)   FT        NEET      NEET      NEET
    ///   L    230 ascertained 5 Sep 2024, never verified (lapsed 31 Aug 2025) NK      NK        NK        NK, not FT
    ///   T    230 from 1 Sep 2025, transferred out (T) on 20 Jan 2026       FT        left      gone      gone
    ///   Y    Year 11 (academic age 15), 110                                not in the 16-17 measures
    ///
    ///   Dec: cohort = A B C D E F H L T = 9; NEET = D = 1; not known = E L = 2
    ///   Jan: cohort = A B C D E F H L   = 8; NEET = D H = 2; not known = E F L = 3
    ///   Feb: cohort = A B C D E F H L   = 8; NEET = D H = 2; not known = E L = 2
    ///
    ///   Average of counts: cohort (9 + 8 + 8) / 3 = 25/3; NEET (1 + 2 + 2) / 3 = 5/3; not known (2 + 3 + 2) / 3 = 7/3
    ///     NEET %              = (5/3) / (25/3) = 5 / 25  = 20.0%
    ///     not known %         = 7 / 25                   = 28.0%
    ///     NEET or not known % = (5 + 7) / 25 = 12 / 25   = 48.0%
    ///   The average of the monthly NEET percentages would be (1/9 + 2/8 + 2/8) / 3 = (11.11 + 25 + 25) / 3 = 20.37%: different.
    ///
    ///   March participation: cohort = A B C D E F H L = 8; FT education A B = 2 (25.0%); apprenticeship C = 1 (12.5%);
    ///     participating = 3 / 8 = 37.5%. L's lapsed college place is not known, not participating.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Measures_HandMadeCohort_MatchTheHandWorkedFigures(DatabaseProvider provider)
    {
        // Arrange
        await using var world = await CreateAsync(provider, "measures_hand");
        var september = new DateOnly(2025, 9, 1);
        await world.PersonAsync(SixteenIn2025, Activity("230", september));
        await world.PersonAsync(SixteenIn2025, Activity("230", september));
        await world.PersonAsync(SixteenIn2025, Activity("310", september));
        await world.PersonAsync(SixteenIn2025, p => p.HasEhcPlan = true, Activity("619", new(2025, 10, 1)));
        await world.PersonAsync(SixteenIn2025, Activity("810", new(2025, 10, 1)));
        await world.PersonAsync(SixteenIn2025, Activity("330", new(2025, 7, 15), verified: new(2026, 2, 10)));
        await world.PersonAsync(SixteenIn2025, Activity("710", september, review: new(2026, 6, 1)));
        await world.PersonAsync(SixteenIn2025, p => p.HasSenSupport = true, Activity("230", september), Activity("619", new(2026, 1, 10)));
        await world.PersonAsync(SixteenIn2025, Activity("230", new(2024, 9, 5)));
        await world.PersonAsync(SixteenIn2025, p =>
        {
            p.CohortStatus = CohortStatus.T;
            p.CohortStatusChangedOn = new(2026, 1, 20);
            p.TransferredToLaCode = "330";
            p.CohortStatusChanges.Add(new CohortStatusChange { From = CohortStatus.P, To = CohortStatus.T, Reason = "Moved", EffectiveOn = new(2026, 1, 20), TransferredToLaCode = "330" });
        }, Activity("230", september));
        await world.PersonAsync(YearElevenIn2025, Activity("110", september));

        // Act
        await world.SnapshotAsync(December, January, February, March);
        var report = await world.ReportAsync(March);
        var february = await world.ReportAsync(February);

        // Assert: each month
        Assert.Equal([December, January, February, March], report.Trend.Select(m => m.PeriodEnd));
        Assert.Equal(new MeasureCounts(9, 1, 2), report.Trend[0].Counts);
        Assert.Equal(new MeasureCounts(8, 2, 3), report.Trend[1].Counts);
        Assert.Equal(new MeasureCounts(8, 2, 2), report.Trend[2].Counts);
        Assert.Equal(25m, february.Month.NeetPercent);
        Assert.Equal(25m, february.Month.NotKnownPercent);
        Assert.Equal(50m, february.Month.NeetOrNotKnownPercent);

        // Assert: the Dec/Jan/Feb headline is the average of counts
        Assert.Equal([December, January, February], report.Winter.Months);
        var average = report.Winter.Average!;
        Assert.Equal(20.0m, Math.Round(average.NeetPercent!.Value, 6));
        Assert.Equal(28.0m, Math.Round(average.NotKnownPercent!.Value, 6));
        Assert.Equal(48.0m, Math.Round(average.NeetOrNotKnownPercent!.Value, 6));
        var averageOfPercentages = report.Trend.Take(3).Average(m => m.Counts.NeetPercent!.Value);
        Assert.Equal(20.37m, Math.Round(averageOfPercentages, 2));
        Assert.NotEqual(Math.Round(average.NeetPercent.Value, 2), Math.Round(averageOfPercentages, 2));

        // Assert: participation at the end of March
        var march = report.March.Counts!;
        Assert.Equal(8, march.Cohort);
        Assert.Equal(2, march.ByType[ParticipationType.FullTimeEducation]);
        Assert.Equal(1, march.ByType[ParticipationType.Apprenticeship]);
        Assert.Equal(3, march.Participating);
        Assert.Equal(37.5m, march.Percent);

        // Assert: SEND split in February (D has an EHC plan, H SEN support; both NEET)
        var send = february.Splits[SplitKind.Send];
        Assert.Equal(["EHC plan", "SEN support", "No SEN"], send.Select(g => g.Label));
        Assert.Equal(new MeasureCounts(1, 1, 0), send[0].Counts);
        Assert.Equal(new MeasureCounts(1, 1, 0), send[1].Counts);
        Assert.Equal(new MeasureCounts(6, 0, 2), send[2].Counts);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task WinterAverage_MonthMissing_SaysWhichAndGivesNoAverage(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, "measures_missing");
        await world.PersonAsync(SixteenIn2025, Activity("230", new(2025, 9, 1)));
        await world.SnapshotAsync(December, February);

        var report = await world.ReportAsync(February);

        Assert.Null(report.Winter.Average);
        Assert.Equal([January], report.Winter.Missing);
        Assert.Null(report.March.Counts);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CountAsync_InTheDatabase_SameAsInMemory(DatabaseProvider provider)
    {
        // Cohort = no activity, lapsed 230, 619, current 230 = 4 (710 is out); not known = no activity + lapsed = 2; NEET = 1.
        await using var world = await CreateAsync(provider, "measures_sql");
        await world.PersonAsync(SixteenIn2025);
        await world.PersonAsync(SixteenIn2025, Activity("710", new(2025, 9, 1), review: new(2026, 6, 1)));
        await world.PersonAsync(SixteenIn2025, Activity("230", new(2024, 9, 5)));
        await world.PersonAsync(SixteenIn2025, Activity("619", new(2025, 10, 1)));
        await world.PersonAsync(SixteenIn2025, Activity("230", new(2025, 9, 1)));
        await world.SnapshotAsync(February);
        await using var scope = world.Services.CreateAsyncScope();

        var inDatabase = await scope.ServiceProvider.GetRequiredService<NccisMeasuresService>().CountAsync("931", [February]);
        var inMemory = scope.ServiceProvider.GetRequiredService<NccisMeasures>().Count(await world.RowsAsync(February));

        Assert.Equal(new MeasureCounts(4, 1, 2), inDatabase[February]);
        Assert.Equal(inDatabase[February], inMemory);
    }

    [Fact]
    public void Count_LapsedNeetOrParticipating_CountsOnceAsNotKnown()
    {
        var measures = new NccisMeasures(new NccisReportOptions());
        NccisSnapshotRow Row(string? code, bool lapsed) => new() { AcademicAge = 17, CohortStatus = CohortStatus.P, ActivityCode = code, CurrencyLapsed = lapsed, EthnicityCode = "WBRI" };
        var rows = new[] { Row("230", lapsed: true), Row("619", lapsed: true), Row("230", lapsed: false), Row(null, lapsed: false) };

        var counts = measures.Count(rows);
        var participation = measures.CountParticipation(rows);

        // 4 in the cohort: the lapsed 230, the lapsed 619 and the one with no activity are not known; only the current 230 participates.
        Assert.Equal(new MeasureCounts(4, 0, 3), counts);
        Assert.Equal(1, participation.Participating);
    }

    [Fact]
    public void Count_LapsedCountsAsNotKnownTurnedOff_LapsedKeepsItsActivity()
    {
        var measures = new NccisMeasures(new NccisReportOptions { LapsedCountsAsNotKnown = false, OtherTrainingCodes = [] });
        NccisSnapshotRow Row(string code) => new() { AcademicAge = 16, CohortStatus = CohortStatus.P, ActivityCode = code, CurrencyLapsed = true, EthnicityCode = "WBRI" };

        var counts = measures.Count([Row("619"), Row("230"), Row("430")]);
        var participation = measures.CountParticipation([Row("619"), Row("230"), Row("430")]);

        Assert.Equal(new MeasureCounts(3, 1, 0), counts);
        Assert.Equal(1, participation.Participating);
        Assert.Equal(0, participation.ByType[ParticipationType.OtherTraining]);
    }

    [Theory]
    [InlineData("110", 11, GuaranteeCategory.OfferMade)]
    [InlineData("114", 12, GuaranteeCategory.OfferMade)]
    [InlineData("115", 12, GuaranteeCategory.OfferMade)]
    [InlineData("114", 11, GuaranteeCategory.NotRecorded)]
    [InlineData("120", 11, GuaranteeCategory.NotAppropriate)]
    [InlineData("122", 12, GuaranteeCategory.NotAppropriate)]
    [InlineData("123", 11, GuaranteeCategory.NotAppropriate)]
    [InlineData("124", 12, GuaranteeCategory.NotAppropriate)]
    [InlineData("140", 11, GuaranteeCategory.NoOffer)]
    [InlineData("150", 12, GuaranteeCategory.NoOffer)]
    [InlineData("151", 11, GuaranteeCategory.NoOffer)]
    [InlineData("153", 12, GuaranteeCategory.NoOffer)]
    [InlineData("154", 11, GuaranteeCategory.NoOffer)]
    [InlineData("159", 12, GuaranteeCategory.NotRecorded)]
    [InlineData(null, 11, GuaranteeCategory.NotRecorded)]
    [InlineData("999", 11, GuaranteeCategory.NotRecorded)]
    public void GuaranteeCategoryOf_Code_MapsToSectionFiveTwoCategory(string? code, int yearGroup, GuaranteeCategory expected) =>
        Assert.Equal(expected, NccisMeasures.GuaranteeCategoryOf(code, yearGroup));

    [Fact]
    public void CountGuarantee_Years11And12_PercentagesOfEachYearAndBoth()
    {
        NccisSnapshotRow Row(int age, string? y11, string? y12, CohortStatus status = CohortStatus.P) =>
            new() { AcademicAge = age, CohortStatus = status, GuaranteeYear11Code = y11, GuaranteeYear12Code = y12, EthnicityCode = "WBRI" };
        var rows = new[]
        {
            Row(15, "110", null), Row(15, "140", null), Row(15, null, null), Row(15, "120", null, CohortStatus.G),
            Row(16, null, "114"), Row(16, null, "159"),
            Row(17, null, "110"), Row(15, "110", null, CohortStatus.T),
        };

        var year11 = NccisMeasures.CountGuarantee(rows, 11);
        var year12 = NccisMeasures.CountGuarantee(rows, 12);
        var both = NccisMeasures.CountGuarantee(rows);

        // Year 11: P and G only (the T leaver is out): 4, of whom 1 offer made, 1 not appropriate, 1 no offer, 1 not recorded.
        Assert.Equal(4, year11.Cohort);
        Assert.Equal(25m, year11.Percent(GuaranteeCategory.OfferMade));
        Assert.Equal(1, year11.Count(GuaranteeCategory.NotRecorded));
        // Year 12 (academic age 16; 17 is Year 13): 2, one offer made (114 continuing in education), one not recorded.
        Assert.Equal(2, year12.Cohort);
        Assert.Equal(50m, year12.Percent(GuaranteeCategory.OfferMade));
        // Both: 2 offers made of 6.
        Assert.Equal(6, both.Cohort);
        Assert.Equal(2, both.Count(GuaranteeCategory.OfferMade));
    }

    [Fact]
    public void CsvField_FormulaOrComma_EscapedForSpreadsheets()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", Csv.Field("=HYPERLINK(\"x\")"));
        Assert.Equal("'-1", Csv.Field("-1"));
        Assert.Equal("\"a,b\"", Csv.Field("a,b"));
        Assert.Equal("", Csv.Field(null));
    }
}
