using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Cli;

public static partial class Commands
{
    /// <summary>Record errors listed in the text report; the totals still count them all.</summary>
    private const int TextRecordErrorsShown = 50;

    private static Command CreateNccisCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var nccis = new Command("nccis", "NCCIS monthly return commands.");
        var file = new Argument<string>("FILE") { Description = "The NCCIS XML return to check (ours or another system's)." };
        var periodEnd = new Option<string?>("--period-end") { Description = "Check currency and ages at this date (YYYY-MM-DD) instead of the header's PeriodEnd." };
        periodEnd.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--period-end '{value}' is not a date in the form YYYY-MM-DD.");
            }
        });
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var retired = new Option<bool>("--retired-checks") { Description = "Also run the checks DfE retired (29, 33, 36, 236, 301), for a file from a product still on the 2015-16 requirement." };
        var validate = new Command("validate", "Check a return against every NCCIS record and file error. Exit code 0 clean, 1 errors found, 2 unreadable or refused.")
        {
            file, periodEnd, format, retired,
        };
        validate.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            var path = parse.GetValue(file)!;
            var options = new NccisValidationOptions
            {
                PeriodEnd = parse.GetValue(periodEnd) is { } end ? DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                RetiredChecks = parse.GetValue(retired),
            };

            NccisValidationReport report;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
                report = new NccisValidator().Validate(stream, options);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await context.Error.WriteLineAsync($"Error: cannot read '{path}': {ex.Message}");
                return Usage;
            }

            var text = parse.GetValue(format) == "json" ? NccisReportJson.ToText(report) : NccisReportText(path, report);
            await context.Output.WriteAsync(text.AsMemory(), cancellationToken);
            return report.Refused ? Usage : report.IsClean ? Success : Failed;
        });
        nccis.Subcommands.Add(validate);
        nccis.Subcommands.Add(CreateNccisExportCommand(contextFactory));
        nccis.Subcommands.Add(CreateNccisImportCommand(contextFactory));
        nccis.Subcommands.Add(CreateNccisSnapshotCommand(contextFactory));
        nccis.Subcommands.Add(CreateNccisSurveyCommand(contextFactory));
        return nccis;
    }

    private static Command CreateNccisExportCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var periodEnd = new Option<string>("--period-end") { Description = "The month end the return describes (YYYY-MM-DD).", Required = true };
        periodEnd.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--period-end '{value}' is not a date in the form YYYY-MM-DD.");
            }
        });
        var la = new Option<string>("--la") { Description = "The 3-digit code of the LA the return is for.", Required = true };
        la.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !Core.Nccis.LaCodes.IsEnglishLa(value))
            {
                result.AddError($"--la '{value}' is not an English LA code.");
            }
        });
        var output = new Option<string>("--output") { Description = "The XML file to write; replaced if it exists.", Required = true };
        var export = new Command("export", "Write the monthly NCCIS XML return for an LA and record the submission. Exit code 0 written, 1 failed, 2 wrong command line.")
        {
            periodEnd, la, output,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var end = DateOnly.ParseExact(parse.GetValue(periodEnd)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw new CommandFailedException("The database schema is not up to date. Run 'waypoint db migrate' first.");
            }

            // Written beside the target and moved into place, so a failed export never leaves a half file under the real name.
            var partial = path + ".partial";
            NccisExportResult result;
            try
            {
                await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
                {
                    result = await scope.ServiceProvider.GetRequiredService<NccisExporter>().ExportAsync(context.Actor, parse.GetValue(la)!, end, stream, cancellationToken);
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

            var statuses = string.Join(", ", result.ByCohortStatus.Select(s => $"{s.Key} {s.Value:N0}"));
            await context.Output.WriteLineAsync($"Wrote {result.RecordCount:N0} records ({(statuses.Length == 0 ? "none" : statuses)}) to {path}.");
            if (result.WithoutActivity > 0)
            {
                await context.Output.WriteLineAsync($"Warning: {result.WithoutActivity:N0} records have no activity on or before {end:yyyy-MM-dd}; NCCIS reports them as error 240 until one is recorded.");
            }

            await context.Output.WriteLineAsync($"{result.FileBytes:N0} bytes, SHA-256 {result.FileSha256}. Submission {result.SubmissionId} recorded.");
            return Success;
        });
        return export;
    }

    // Cleanup must not hide the error that caused it, for example when the output folder does not exist.
    private static void DeleteIfThere(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string NccisReportText(string path, NccisValidationReport report)
    {
        var text = new StringBuilder();
        var records = report.RecordCount == 1 ? "1 record" : $"{report.RecordCount:N0} records";
        var result = report.Refused ? "REFUSED: the file could not be read to the end or is not acceptable"
            : report.IsClean ? "CLEAN: no errors"
            : $"ERRORS: {report.Totals.Values.Sum():N0} in total";
        text.AppendLine(CultureInfo.InvariantCulture, $"NCCIS return {Path.GetFileName(path)}: {records} checked.");
        text.AppendLine(result);
        if (report.FileErrors.Count > 0)
        {
            text.AppendLine().AppendLine("File errors:");
            foreach (var error in report.FileErrors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {error.Code,5}  {error.Message}");
            }
        }

        if (report.Totals.Count > 0)
        {
            text.AppendLine().AppendLine("Totals by error:");
            foreach (var (code, count) in report.Totals)
            {
                var summary = NccisErrorCatalogue.RecordErrors.TryGetValue(code, out var definition) ? $"priority {definition.Priority}  {definition.Summary}"
                    : NccisErrorCatalogue.FileErrors.GetValueOrDefault(code, "");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {code,5}  {count,8:N0}  {summary}");
            }
        }

        if (report.RecordErrors.Count > 0)
        {
            var shown = Math.Min(TextRecordErrorsShown, report.RecordErrors.Count);
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Record errors (first {shown:N0}{(report.RecordErrorsTruncated ? "; more were found than kept" : $" of {report.RecordErrors.Count:N0}")}; use --format json for all):");
            foreach (var error in report.RecordErrors.Take(shown))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {error.YoungPersonId ?? "(no ID)",-13}  {error.Code,5}  P{error.Priority}  {error.Field}: {error.Message}");
            }
        }

        if (report.RecordErrors.Any(e => e.Code == NccisErrorCatalogue.SuspectedDuplicate))
        {
            text.AppendLine().AppendLine("Error 908 (suspected duplicate) is listed for checking but, as in NCCIS, not counted in the totals.");
        }

        return text.ToString();
    }
}
