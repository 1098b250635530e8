using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;

namespace Waypoint.Cli;

public static partial class Commands
{
    private static Option<string> LaOption()
    {
        var la = new Option<string>("--la") { Description = "The 3-digit code of the LA.", Required = true };
        la.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !Core.Nccis.LaCodes.IsEnglishLa(value))
            {
                result.AddError($"--la '{value}' is not an English LA code.");
            }
        });
        return la;
    }

    private static async Task RequireCurrentSchemaAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new CommandFailedException("The database schema is not up to date. Run 'waypoint db migrate' first.");
        }
    }

    private static Command CreateNccisSnapshotCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var la = LaOption();
        var periodEnd = new Option<string>("--period-end") { Description = "The month end to snapshot (YYYY-MM-DD, the last day of a month).", Required = true };
        periodEnd.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value)
            {
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    result.AddError($"--period-end '{value}' is not a date in the form YYYY-MM-DD.");
                }
                else if (!NccisSnapshotService.IsMonthEnd(date))
                {
                    result.AddError($"--period-end '{value}' is not the last day of a month.");
                }
            }
        });
        var snapshot = new Command("snapshot", "Take (or retake, replacing it) the month-end snapshot the NCCIS measures are reported from. Exit code 0 taken, 1 failed, 2 wrong command line.")
        {
            la, periodEnd,
        };
        snapshot.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            var end = DateOnly.ParseExact(parse.GetValue(periodEnd)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await using var scope = context.CreateScope();
            await RequireCurrentSchemaAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), cancellationToken);
            var taken = await scope.ServiceProvider.GetRequiredService<NccisSnapshotService>().TakeAsync(context.Actor, parse.GetValue(la)!, end, cancellationToken);
            await context.Output.WriteLineAsync($"{(taken.Replaced ? "Retook" : "Took")} the snapshot of LA {taken.LaCode} at {end:yyyy-MM-dd}: {taken.Rows:N0} young people.");
            return Success;
        });
        return snapshot;
    }

    private static Command CreateNccisSurveyCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var la = LaOption();
        var year = new Option<int>("--year") { Description = "The survey year: the cohort is fixed at 31 May and activity reported at 1 November of it.", Required = true };
        year.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 2000 or > 2100)
            {
                result.AddError("--year must be a year such as 2026.");
            }
        });
        var output = new Option<string>("--output") { Description = "The CSV file to write; replaced if it exists.", Required = true };
        var aas = new Command("aas", "Write the Annual Activity Survey CSV (columns from Nccis:AnnualActivitySurvey:Columns). Exit code 0 written, 1 failed, 2 wrong command line.")
        {
            la, year, output,
        };
        aas.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            await using var scope = context.CreateScope();
            await RequireCurrentSchemaAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), cancellationToken);

            // Written beside the target and moved into place, so a failed run never leaves a half file under the real name.
            var partial = path + ".partial";
            AnnualActivitySurveyResult result;
            try
            {
                await using (var writer = new StreamWriter(partial, false, new UTF8Encoding(true)))
                {
                    result = await scope.ServiceProvider.GetRequiredService<AnnualActivitySurvey>().WriteAsync(context.Actor, parse.GetValue(la)!, parse.GetValue(year), writer, cancellationToken);
                }

                File.Move(partial, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                DeleteIfThere(partial);
                throw new CommandFailedException($"cannot write '{path}': {ex.Message}");
            }
            catch
            {
                DeleteIfThere(partial);
                throw;
            }

            await context.Output.WriteLineAsync($"Wrote {result.Rows:N0} young people (cohort fixed {result.CohortFixedOn:yyyy-MM-dd}, activity at {result.ReferenceDate:yyyy-MM-dd}) to {path}.");
            if (result.WithoutActivity > 0)
            {
                await context.Output.WriteLineAsync($"Warning: {result.WithoutActivity:N0} young people have no activity recorded by {result.ReferenceDate:yyyy-MM-dd}.");
            }

            return Success;
        });
        return aas;
    }
}
