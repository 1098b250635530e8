using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Cli;

public static partial class Commands
{
    private static Command CreateCareersCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var careers = new Command("careers", "Schools' careers programmes.");
        var snapshot = new Command("snapshot",
            "Take every Gatsby Benchmark snapshot due in the past year (31 December, 31 March, 31 July) that is not taken yet, for every LA with schools, "
            + "each as the data stood on its date; the web app does the same on its schedule. Exit code 0 done, 1 failed, 2 wrong command line.");
        snapshot.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            await RequireCurrentSchemaAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), cancellationToken);
            var taken = await scope.ServiceProvider.GetRequiredService<BenchmarkAssessment>().TakeDueAsync(context.Actor, cancellationToken);
            if (taken.Count == 0)
            {
                await context.Output.WriteLineAsync("No benchmark snapshots were due.");
            }

            foreach (var (laCode, schools) in taken)
            {
                await context.Output.WriteLineAsync($"LA {laCode}: took {schools:N0} school snapshots.");
            }

            return Success;
        });
        careers.Subcommands.Add(snapshot);
        return careers;
    }
}
