using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"import-{Guid.NewGuid():N}");

    public ImportCommandTests() => Directory.CreateDirectory(folder);

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Roll(int rows, int from = 0)
    {
        var text = new StringBuilder("Forename,Surname,DOB,Sex,Postcode\n");
        for (var i = from; i < from + rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Pupil{Letters(i)},Family{Letters(i / 3)},{new DateOnly(2009, 9, 1).AddDays(i % 1400):yyyy-MM-dd},{(i % 2 == 0 ? 'F' : 'M')},OX{i % 30 + 1} {i % 9 + 1}AB\n");
        }

        return text.ToString();
    }

    private static string Letters(int n)
    {
        var text = new StringBuilder();
        do
        {
            text.Insert(0, (char)('a' + n % 26));
            n /= 26;
        }
        while (n > 0);
        return text.ToString();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_DryRunThenCommitThenAgain_JsonCountsAndNoChangesSecondTime(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateMigratedAsync(provider, "cli_import");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "50", "--seed", "4")).ExitCode);
        var file = Write("roll.csv", Roll(30) + "Bad,Row,2009-02-30,F,OX1 1AA\n");
        int seeded;
        await using (var db = database.CreateContext())
        {
            seeded = await db.YoungPeople.CountAsync();
        }

        var dryRun = await CliRunner.RunAsync(database, "import", "roll", file, "--dry-run", "--format", "json");
        await using (var db = database.CreateContext())
        {
            Assert.Equal(seeded, await db.YoungPeople.CountAsync());
        }

        var commit = await CliRunner.RunAsync(database, "import", "roll", file, "--format", "json");
        var again = await CliRunner.RunAsync(database, "import", "roll", file);

        Assert.True(dryRun.ExitCode == 1, dryRun.Output + dryRun.Error);
        using var json = JsonDocument.Parse(dryRun.Output);
        var root = json.RootElement;
        Assert.Equal(30, root.GetProperty("created").GetInt32());
        Assert.Equal(0, root.GetProperty("updated").GetInt32());
        Assert.Equal(0, root.GetProperty("review").GetInt32());
        Assert.Equal(0, root.GetProperty("unchanged").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("file_error").ValueKind);
        var rejected = Assert.Single(root.GetProperty("rejected").EnumerateArray());
        Assert.Equal(32, rejected.GetProperty("row").GetInt32());
        Assert.Equal("DOB", rejected.GetProperty("field").GetString());
        Assert.Equal("2009-02-30", rejected.GetProperty("value").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rejected.GetProperty("reason").GetString()));
        Assert.Equal(1, commit.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("No changes", again.Output, StringComparison.Ordinal);
        Assert.Contains("was imported before", again.Output, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(seeded + 30, await check.YoungPeople.CountAsync());
        Assert.Equal(2, await check.DataImports.CountAsync());
    }

    [SkippableFact]
    public async Task Import_HostileCtf_ExitTwoWithFileErrorAndNothingWritten()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite, "cli_import_hostile");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "10", "--seed", "4")).ExitCode);
        var file = Write("ctf.xml", """<?xml version="1.0"?><!DOCTYPE CTfile [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><CTfile><Header/><CTFpupilData><Pupil><Surname>&b;</Surname></Pupil></CTFpupilData></CTfile>""");

        var result = await CliRunner.RunAsync(database, "import", "ctf", file, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Contains("DTD", json.RootElement.GetProperty("file_error").GetString(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(10, await db.YoungPeople.CountAsync());
        Assert.Equal(0, await db.DataImports.CountAsync());
    }

    [Theory]
    [InlineData(new[] { "import", "register", "x.csv" }, "register")]
    [InlineData(new[] { "import", "roll" }, "Required argument missing")]
    public async Task Import_BadCommandLine_ExitsTwo(string[] args, string mentioned)
    {
        var result = await CliRunner.RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(mentioned, result.Error + result.Output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Acceptance: SIGKILL halfway through committing 100,000 rows on PostgreSQL, then restart: the database is exactly
    /// as before the commit. The import runs in a real child process (the built waypoint executable) so the kill is real.
    /// </summary>
    [SkippableFact]
    public async Task Import_KilledHalfwayThroughA100000RowCommit_DatabaseExactlyAsBefore()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "cli_import_kill");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "300", "--seed", "9")).ExitCode);
        var file = Write("big-roll.csv", Roll(100_000, from: 1_000_000));
        var before = await FingerprintAsync(database);

        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "waypoint.exe" : "waypoint");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--connection-string", database.ConnectionString, "--provider", "Postgres", "import", "roll", file, "--la", "931"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var halfway = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Standard output and standard error are read on two threads, and a StringBuilder written from both can throw.
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            if (e.Data.Contains("40,000 rows matched and saved", StringComparison.Ordinal))
            {
                halfway.TrySetResult(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        // The limit only stops a hung import from holding the run. The whole test takes about a minute now (it took 3.5
        // before the import was made faster, and once over 5 on a busy machine), so the limit is far above any real run.
        var reached = await Task.WhenAny(halfway.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(15)));
        Assert.True(reached == halfway.Task, $"the import did not reach 40,000 rows before ending or timing out: {string.Join(Environment.NewLine, lines)}");

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        // "Restarting": the next program to open the database sees exactly what was there before the commit began.
        Assert.Equal(0, (await CliRunner.RunAsync(database, "db", "migrate")).ExitCode);
        Assert.Equal(before, await FingerprintAsync(database));
    }

    /// <summary>Every row count and a hash over every young person's id and version: any write at all changes it.</summary>
    private static async Task<string> FingerprintAsync(DatabaseSettings database)
    {
        await using var db = database.CreateContext();
        var versions = await db.YoungPeople.OrderBy(p => p.Id).Select(p => p.Id.ToString() + p.Version.ToString()).ToListAsync();
        return string.Join(",",
            await db.YoungPeople.CountAsync(), await db.Activities.CountAsync(), await db.AuditEvents.CountAsync(), await db.DataImports.CountAsync(),
            await db.DataImportChanges.CountAsync(), await db.MatchReviews.CountAsync(), await db.FollowUpTasks.CountAsync(), await db.PupilCensus.CountAsync(),
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(";", versions)))));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
