using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;

namespace Waypoint.Cli;

public static partial class Commands
{
    private static Command CreateDbCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var db = new Command("db", "Database commands.");
        var migrate = new Command("migrate", "Create the database schema, or bring it up to date. Safe to run again.");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var dbContext = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            await context.Output.WriteLineAsync($"Migrating the {context.Database.Provider} database...");
            var applied = await DatabaseMigrator.MigrateAsync(dbContext, cancellationToken);
            foreach (var name in applied)
            {
                await context.Output.WriteLineAsync($"  applied {name}");
            }

            if (applied.Count > 0)
            {
                var filled = await Core.Tracking.CurrentActivityBackfill.RunAsync(dbContext, scope.ServiceProvider.GetRequiredService<Core.Nccis.CurrencyCalculator>(), cancellationToken);
                if (filled > 0)
                {
                    await context.Output.WriteLineAsync($"  filled in the current activity of {filled:N0} young people");
                }

                await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(context.Actor, AuditActions.DatabaseMigrated,
                    details: new { migrations = applied }, cancellationToken: cancellationToken);
            }

            await context.Output.WriteLineAsync(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s).");
            return Success;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
