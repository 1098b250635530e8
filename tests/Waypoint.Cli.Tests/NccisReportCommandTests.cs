using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public sealed class NccisReportCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"aas-{Guid.NewGuid():N}.csv");

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SnapshotThenAas_SeededDemoLa_RetakesAndWritesTheSurvey(DatabaseProvider provider)
    {
        // Arrange: the seeder dates everything from the real clock, so the dates here follow it too.
        var database = await TestDatabases.CreateMigratedAsync(provider, "cli_nccis_reports");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "200", "--seed", "5")).ExitCode);
        var today = DateOnly.FromDateTime(TestClock.Now.UtcDateTime);
        var lastMonthEnd = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var year = today >= AnnualActivitySurvey.ReferenceDate(today.Year) ? today.Year : today.Year - 1;

        // Act
        var retake = await CliRunner.RunAsync(database, "nccis", "snapshot", "--la", "931", "--period-end", Iso(lastMonthEnd));
        var may = await CliRunner.RunAsync(database, "nccis", "snapshot", "--la", "931", "--period-end", Iso(AnnualActivitySurvey.CohortDate(year)));
        var aas = await CliRunner.RunAsync(database, "nccis", "aas", "--la", "931", "--year", year.ToString(CultureInfo.InvariantCulture), "--output", file);

        // Assert
        Assert.True(retake.ExitCode == 0, retake.Output + retake.Error);
        Assert.Contains($"Retook the snapshot of LA 931 at {Iso(lastMonthEnd)}", retake.Output, StringComparison.Ordinal);
        Assert.True(may.ExitCode == 0, may.Output + may.Error);
        Assert.True(aas.ExitCode == 0, aas.Output + aas.Error);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(string.Join(',', AnnualActivitySurvey.DefaultColumns), lines[0]);
        Assert.True(lines.Length > 1, "The demo LA has Year 11 leavers.");
        Assert.Contains($"Wrote {lines.Length - 1:N0} young people", aas.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.NccisSnapshots.CountAsync(s => s.PeriodEnd == lastMonthEnd));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.NccisSurveyExported));
    }

    [SkippableFact]
    public async Task Aas_NoMaySnapshot_ExitsOneAndWritesNothing()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite, "cli_nccis_aas_missing");

        var result = await CliRunner.RunAsync(database, "nccis", "aas", "--la", "931", "--year", "2025", "--output", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no snapshot for 2025-05-31", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Theory]
    [InlineData(new[] { "nccis", "snapshot", "--la", "931", "--period-end", "2026-10-30" }, "--period-end")]
    [InlineData(new[] { "nccis", "snapshot", "--la", "931", "--period-end", "31/10/2026" }, "--period-end")]
    [InlineData(new[] { "nccis", "snapshot", "--la", "999", "--period-end", "2026-10-31" }, "--la")]
    [InlineData(new[] { "nccis", "snapshot", "--period-end", "2026-10-31" }, "--la")]
    [InlineData(new[] { "nccis", "aas", "--la", "931", "--year", "2026" }, "--output")]
    [InlineData(new[] { "nccis", "aas", "--la", "931", "--year", "26", "--output", "x.csv" }, "--year")]
    public async Task Reports_BadCommandLine_ExitsTwo(string[] args, string mentioned)
    {
        var result = await CliRunner.RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(mentioned, result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        File.Delete(file);
        File.Delete(file + ".partial");
    }
}
