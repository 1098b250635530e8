using Waypoint.Core.Careers;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tests.Careers;

/// <summary>Leavers' destinations: the sustained rule (October to March after leaving) and the destination groups.</summary>
public class DestinationsTests
{
    // Year 11 in 2024/25: sustained is October 2025 to March 2026, known from 1 April 2026.
    private const int LeavingYear = 2024;
    private static readonly DateOnly After = new(2026, 4, 1);

    private static Activity A(string code, DateOnly start, DateOnly? lapses = null, int hour = 10) => new()
    {
        Code = code, StartDate = start, DateAscertained = start, DueToLapseDate = lapses, Source = "Test",
        RecordedAt = start.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc),
    };

    [Fact]
    public void Sustained_CollegeThenApprenticeship_AllUnlapsed_IsSustained() =>
        Assert.True(DestinationsService.IsSustained([A("110", new(2024, 9, 4)), A("230", new(2025, 9, 8)), A("310", new(2026, 1, 12))], LeavingYear, After));

    [Fact]
    public void Sustained_CollegePlaceNobodyConfirmedAfterDecember_IsNotSustained() =>
        Assert.False(DestinationsService.IsSustained([A("230", new(2025, 9, 8), lapses: new(2025, 12, 1))], LeavingYear, After));

    [Fact]
    public void Sustained_NeetSpellInFebruary_IsNotSustained() =>
        Assert.False(DestinationsService.IsSustained([A("230", new(2025, 9, 8)), A("619", new(2026, 2, 2)), A("230", new(2026, 3, 2))], LeavingYear, After));

    [Fact]
    public void Sustained_AWrongEntryCorrectedTheSameDay_OnlyTheCorrectionCounts() =>
        Assert.True(DestinationsService.IsSustained([A("230", new(2025, 9, 8)), A("619", new(2026, 1, 5), hour: 9), A("310", new(2026, 1, 5), hour: 11)], LeavingYear, After));

    [Fact]
    public void Sustained_BeforeMarchHasEnded_IsNotYetKnown() =>
        Assert.Null(DestinationsService.IsSustained([A("230", new(2025, 9, 8))], LeavingYear, new DateOnly(2026, 3, 31)));

    [Fact]
    public void Sustained_NothingRecordedByOctober_IsNotSustained() =>
        Assert.False(DestinationsService.IsSustained([A("230", new(2025, 11, 3))], LeavingYear, After));

    [Theory]
    [InlineData("210", "9314001", DestinationKind.OwnSixthForm)]
    [InlineData("210", "9314002", DestinationKind.SixthFormElsewhere)]
    [InlineData("240", null, DestinationKind.HigherEducation)]
    [InlineData("310", null, DestinationKind.Apprenticeship)]
    [InlineData("340", null, DestinationKind.EmploymentWithTraining)]
    [InlineData("330", null, DestinationKind.EmploymentWithoutTraining)]
    [InlineData("450", null, DestinationKind.Training)]
    [InlineData("619", null, DestinationKind.Neet)]
    [InlineData("110", "9314001", DestinationKind.NotKnown)]
    [InlineData("710", null, DestinationKind.Other)]
    public void Classify_Codes_IntoTheReportingGroups(string code, string? establishment, DestinationKind expected) =>
        Assert.Equal(expected, DestinationsService.Classify(code, establishment, "9314001"));
}
