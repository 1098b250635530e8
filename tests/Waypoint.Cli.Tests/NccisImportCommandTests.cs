using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public sealed class NccisImportCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"nccis-import-{Guid.NewGuid():N}");

    public NccisImportCommandTests() => Directory.CreateDirectory(folder);

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task NccisImport_DryRunThenImportThenAgain_ReportsAndLoadsOnceOnly(DatabaseProvider provider)
    {
        var source = await TestDatabases.CreateMigratedAsync(provider, "cli_nccis_import_source");
        Assert.Equal(0, (await CliRunner.RunAsync(source, "demo", "seed", "--people", "150", "--seed", "3")).ExitCode);
        var periodEnd = new DateOnly(TestClock.Now.Year, TestClock.Now.Month, 1).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(folder, "old-system.xml");
        Assert.Equal(0, (await CliRunner.RunAsync(source, "nccis", "export", "--period-end", periodEnd, "--la", "931", "--output", file)).ExitCode);
        var target = await TestDatabases.CreateMigratedAsync(provider, "cli_nccis_import_target");

        var dryRun = await CliRunner.RunAsync(target, "nccis", "import", file, "--dry-run", "--format", "json");
        await using (var db = target.CreateContext())
        {
            Assert.Equal(0, await db.YoungPeople.CountAsync());
        }

        var import = await CliRunner.RunAsync(target, "nccis", "import", file);
        var again = await CliRunner.RunAsync(target, "nccis", "import", file);

        Assert.True(dryRun.ExitCode == 0, dryRun.Output + dryRun.Error);
        using var json = JsonDocument.Parse(dryRun.Output);
        var records = json.RootElement.GetProperty("records").GetInt32();
        Assert.True(records > 20);
        Assert.Equal(records, json.RootElement.GetProperty("created").GetInt32());
        Assert.True(json.RootElement.GetProperty("dry_run").GetBoolean());
        Assert.Empty(json.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("file_errors").EnumerateArray());
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        Assert.Contains($"created   {records,8:N0}", import.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Contains("Nothing changed", again.Output, StringComparison.Ordinal);
        Assert.Contains("was imported before", again.Output, StringComparison.Ordinal);
        await using var check = target.CreateContext();
        Assert.Equal(records, await check.YoungPeople.CountAsync());
    }

    [SkippableFact]
    public async Task NccisImport_RecordWithoutPostcode_ExitsOneAndNamesLineFieldAndReason()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite, "cli_nccis_import_reject");
        var file = Path.Combine(folder, "bad.xml");
        await File.WriteAllTextAsync(file, NccisCommandTests.Return(NccisCommandTests.CleanRecord.Replace("<Postcode>OX4 3AB</Postcode>", "", StringComparison.Ordinal)));

        var result = await CliRunner.RunAsync(database, "nccis", "import", file, "--format", "json");

        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var rejected = Assert.Single(json.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal("Postcode", rejected.GetProperty("field").GetString());
        Assert.True(rejected.GetProperty("line").GetInt32() > 0);
        Assert.StartsWith("NCCIS error 32", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NccisImport_ExternalEntity_ExitsTwoAndWritesNothing()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite, "cli_nccis_import_hostile");
        var file = Path.Combine(folder, "hostile.xml");
        await File.WriteAllTextAsync(file, "<?xml version=\"1.0\"?><!DOCTYPE NCCIS [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + NccisCommandTests.Return(NccisCommandTests.CleanRecord).Split("?>", 2)[1]);

        var result = await CliRunner.RunAsync(database, "nccis", "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("REFUSED", result.Output, StringComparison.Ordinal);
        Assert.Contains("DTD", result.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.YoungPeople.CountAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
