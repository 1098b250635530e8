using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public sealed class NccisExportCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"nccis-export-{Guid.NewGuid():N}.xml");

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task NccisExportThenValidate_SeededDemoLa_WritesACleanReturn(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateMigratedAsync(provider, "cli_nccis_export");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "200", "--seed", "5")).ExitCode);
        // The seeder dates activities from the real clock; this month's end keeps the period in the same academic year as them.
        var periodEnd = new DateOnly(TestClock.Now.Year, TestClock.Now.Month, 1).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var export = await CliRunner.RunAsync(database, "nccis", "export", "--period-end", periodEnd, "--la", "931", "--output", file);
        var validate = await CliRunner.RunAsync(null, "nccis", "validate", file);

        Assert.True(export.ExitCode == 0, export.Output + export.Error);
        Assert.Contains("SHA-256", export.Output, StringComparison.Ordinal);
        Assert.True(validate.ExitCode == 0, validate.Output + validate.Error);
        Assert.Contains("CLEAN", validate.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));
        await using var db = database.CreateContext();
        var submission = await db.NccisSubmissions.SingleAsync();
        Assert.Equal(new FileInfo(file).Length, submission.FileBytes);
        Assert.Contains(submission.FileSha256, export.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NccisExport_OutputFolderMissing_ExitsOneAndRecordsNothing()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite, "cli_nccis_export_missing");
        var missing = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"missing-{Guid.NewGuid():N}", "return.xml");

        var result = await CliRunner.RunAsync(database, "nccis", "export", "--period-end", "2026-11-30", "--la", "931", "--output", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot write", result.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.NccisSubmissions.ToListAsync());
    }

    [Theory]
    [InlineData(new[] { "nccis", "export", "--period-end", "2026-13-01", "--la", "931", "--output", "x.xml" }, "--period-end")]
    [InlineData(new[] { "nccis", "export", "--period-end", "2026-11-30", "--la", "999", "--output", "x.xml" }, "--la")]
    [InlineData(new[] { "nccis", "export", "--period-end", "2026-11-30", "--la", "931" }, "--output")]
    public async Task NccisExport_BadCommandLine_ExitsTwo(string[] args, string mentioned)
    {
        var result = await CliRunner.RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(mentioned, result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(file);
}
