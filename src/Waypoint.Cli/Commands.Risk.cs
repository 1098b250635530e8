using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;
using Waypoint.Core.Risk;

namespace Waypoint.Cli;

public static partial class Commands
{
    private static readonly JsonSerializerOptions RiskJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private static Command CreateRiskCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var risk = new Command("risk", "Risk of NEET commands.");
        risk.Subcommands.Add(CreateRiskBacktestCommand(contextFactory));
        risk.Subcommands.Add(CreateRiskScoreCommand(contextFactory));
        risk.Subcommands.Add(CreateRiskTrainCommand(contextFactory));
        return risk;
    }

    private static Option<string?> OptionalLaOption() =>
        new("--la") { Description = "The 3-digit code of the LA; may be left out when the database holds one LA's past cohorts." };

    private static async Task<string> ResolveLaAsync(WaypointDbContext db, string? given, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            return given;
        }

        var las = await db.RiskHistory.Select(h => h.LaCode).Distinct().ToListAsync(cancellationToken);
        return las.Count == 1 ? las[0] : throw new CommandFailedException(las.Count == 0
            ? "There are no past cohorts with outcomes in this database."
            : $"Past cohorts of several LAs are held ({string.Join(", ", las.Order(StringComparer.Ordinal))}): give --la.");
    }

    private static Command CreateRiskBacktestCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var cohort = new Option<int>("--cohort") { Description = "The past cohort to hold out, by the year it left Year 11.", Required = true };
        var la = OptionalLaOption();
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("backtest", "Measure the points score and the model on a held-out past cohort, overall and by group. Exit code 0 done, 1 failed, 2 wrong command line.")
        {
            cohort, la, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            await RequireCurrentSchemaAsync(db, cancellationToken);
            var laCode = await ResolveLaAsync(db, parse.GetValue(la), cancellationToken);
            BackTestReport report;
            try
            {
                report = await scope.ServiceProvider.GetRequiredService<RiskService>().BackTestAsync(context.Actor, laCode, parse.GetValue(cohort), cancellationToken);
            }
            catch (RiskInputException ex)
            {
                throw new CommandFailedException(ex.Message);
            }

            await context.Output.WriteLineAsync(parse.GetValue(format) == "json" ? JsonSerializer.Serialize(report, RiskJson) : BackTestText(report));
            return Success;
        });
        return command;
    }

    private static string BackTestText(BackTestReport r)
    {
        static string P(double? v) => v is { } x ? x.ToString("0.0%", CultureInfo.InvariantCulture) : "-";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Back-test of LA {r.LaCode}, cohort {r.Cohort}: {r.Pupils:N0} pupils, {r.Outcomes:N0} NEET or not known ({P(r.BaseRate)}); model trained on {string.Join(", ", r.TrainedOn)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Threshold: {r.PointsThreshold}+ points (indicator set version {r.IndicatorSetVersion}); model p >= {r.ModelThreshold:0.000}, the same number flagged.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"",-26}{"points",10}{"model",10}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"AUC",-26}{r.Points.Auc,10:0.000}{r.Model.Auc,10:0.000}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"precision at threshold",-26}{P(r.Points.PrecisionAtThreshold),10}{P(r.Model.PrecisionAtThreshold),10}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"recall at threshold",-26}{P(r.Points.RecallAtThreshold),10}{P(r.Model.RecallAtThreshold),10}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"precision in top 10%",-26}{P(r.Points.PrecisionTop10),10}{P(r.Model.PrecisionTop10),10}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"recall in top 10%",-26}{P(r.Points.RecallTop10),10}{P(r.Model.RecallTop10),10}");
        text.AppendLine("By group (AUC points / model, recall at threshold points / model):");
        foreach (var (p, m) in r.Points.ByGroup.Zip(r.Model.ByGroup))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {p.Group + ": " + p.Value,-30}{p.Pupils,7:N0} pupils {p.Outcomes,5:N0} NEET  AUC {p.Auc?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"} / {m.Auc?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"}  recall {P(p.RecallAtThreshold)} / {P(m.RecallAtThreshold)}");
        }

        return text.ToString().TrimEnd();
    }

    private static Command CreateRiskScoreCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var la = LaOption();
        var command = new Command("score", "Recompute this term's risk of NEET scores for the LA's Years 7 to 11. Exit code 0 done, 1 failed, 2 wrong command line.") { la };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            await RequireCurrentSchemaAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<RiskService>().RecomputeAsync(context.Actor, parse.GetValue(la)!, cancellationToken);
            await context.Output.WriteLineAsync($"Scored {result.Scored:N0} pupils of LA {result.LaCode} for the term from {result.TermStart:yyyy-MM-dd} (indicator set version {result.IndicatorSetVersion}; {(result.WithModel > 0 ? "with" : "without")} the model).");
            return Success;
        });
        return command;
    }

    private static Command CreateRiskTrainCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var la = LaOption();
        var command = new Command("train", "Train and calibrate the LA's risk model on all its past cohorts. Exit code 0 done, 1 failed, 2 wrong command line.") { la };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            await using var scope = context.CreateScope();
            await RequireCurrentSchemaAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), cancellationToken);
            try
            {
                var model = await scope.ServiceProvider.GetRequiredService<RiskService>().TrainModelAsync(context.Actor, parse.GetValue(la)!, cancellationToken);
                await context.Output.WriteLineAsync($"Trained model version {model.Version} of LA {model.LaCode} on cohorts {model.TrainedOnCohorts} ({model.TrainingPupils:N0} pupils).");
            }
            catch (RiskInputException ex)
            {
                throw new CommandFailedException(ex.Message);
            }

            return Success;
        });
        return command;
    }
}
