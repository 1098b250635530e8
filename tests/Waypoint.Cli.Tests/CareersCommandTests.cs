using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public class CareersCommandTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CareersSnapshot_TakesOnlyTheSnapshotsNotYetTaken(DatabaseProvider provider)
    {
        // Arrange: the demo seed takes the past year's snapshots; then the latest date's are lost
        var database = await TestDatabases.CreateMigratedAsync(provider, "cli_careers");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "300", "--seed", "7")).ExitCode);
        DateOnly latest;
        int rowsOnLatest;
        await using (var db = database.CreateContext())
        {
            latest = await db.BenchmarkSnapshots.MaxAsync(s => s.TakenOn);
            rowsOnLatest = await db.BenchmarkSnapshots.CountAsync(s => s.TakenOn == latest);
            var datesBefore = await db.BenchmarkSnapshots.Select(s => s.TakenOn).Distinct().CountAsync();
            Assert.Equal(3, datesBefore);
        }

        // Act
        var nothingDue = await CliRunner.RunAsync(database, "careers", "snapshot");
        await using (var db = database.CreateContext())
        {
            await db.BenchmarkSnapshots.Where(s => s.TakenOn == latest).ExecuteDeleteAsync();
        }

        var retaken = await CliRunner.RunAsync(database, "careers", "snapshot");
        var again = await CliRunner.RunAsync(database, "careers", "snapshot");

        // Assert
        Assert.Equal(0, nothingDue.ExitCode);
        Assert.Contains("No benchmark snapshots were due.", nothingDue.Output, StringComparison.Ordinal);
        Assert.Equal(0, retaken.ExitCode);
        Assert.Contains("LA 931: took", retaken.Output, StringComparison.Ordinal);
        Assert.Contains("No benchmark snapshots were due.", again.Output, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(rowsOnLatest, await check.BenchmarkSnapshots.CountAsync(s => s.TakenOn == latest));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.CareersSnapshotTaken && e.Details!.Contains(latest.ToString("yyyy-MM-dd"))));
    }
}
