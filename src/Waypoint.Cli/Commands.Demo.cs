using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;

namespace Waypoint.Cli;

public static partial class Commands
{
    private static Command CreateDemoCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var demo = new Command("demo", "Demo data commands.");
        var people = new Option<int>("--people") { Description = "How many young people in Years 9 to 13 to generate.", DefaultValueFactory = _ => 5000 };
        people.Validators.Add(result =>
        {
            // A value that is not a number is reported by the parser itself.
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is < 10 or > 2_000_000)
            {
                result.AddError("--people must be between 10 and 2,000,000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same people.", DefaultValueFactory = _ => 2026 };
        var seedCommand = new Command("seed", "Generate a demo local authority with schools, colleges, young people and one account per role.") { people, seed };
        seedCommand.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw new CommandFailedException("The database schema is not up to date. Run 'waypoint db migrate' first.");
            }

            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await seeder.IsSeededAsync(cancellationToken))
            {
                throw new CommandFailedException("The database already has organisations in it. Demo data can only be added to an empty database.");
            }

            var options = new DemoOptions(parse.GetValue(people), parse.GetValue(seed));
            DemoSeedResult result;
            if (context.Interactive)
            {
                result = await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Writing young people", maxValue: options.People);
                    return await seeder.SeedAsync(context.Actor, options, new Progress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                    }), cancellationToken);
                });
            }
            else
            {
                var lastReported = 0;
                result = await seeder.SeedAsync(context.Actor, options, new SynchronousProgress(p =>
                {
                    if (p.Done - lastReported >= Math.Max(1000, p.Total / 10) || p.Done == p.Total)
                    {
                        lastReported = p.Done;
                        context.Output.WriteLine($"  {p.Done:N0} of {p.Total:N0} young people written");
                    }
                }), cancellationToken);
            }

            await context.Output.WriteLineAsync($"Seeded {result.Organisations} organisations, {result.People:N0} young people and {result.Activities:N0} activities.");
            await context.Output.WriteLineAsync($"Demo accounts (password {DemoSeeder.DemoPassword}):");
            foreach (var account in result.Accounts)
            {
                await context.Output.WriteLineAsync($"  {account.Role,-16} {account.Email}");
            }

            return Success;
        });
        demo.Subcommands.Add(seedCommand);
        return demo;
    }

    /// <summary>Reports on the caller's thread, so plain-text progress lines come out in order.</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
