using Waypoint.Core.Data;
using Waypoint.TestCommon;

namespace Waypoint.Cli.Tests;

public sealed record CliResult(int ExitCode, string Output, string Error);

public static class CliRunner
{
    public static async Task<CliResult> RunAsync(DatabaseSettings? database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new Dictionary<string, string?>();
        if (database is not null)
        {
            settings["ConnectionStrings:Waypoint"] = database.ConnectionString;
            settings["Database:Provider"] = database.Provider.ToString();
        }

        // The fixed test clock: the seeded demo LA, its snapshots and every command's "today" agree, whatever day the tests run.
        var exitCode = await Commands.RunAsync(args, output, error, settings, TestClock.Create());
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
