using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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

        var validate = new Command("validate", "Check a return against every NCCIS record and file error. Exit code 0 clean, 1 errors found, 2 unreadable or refused.")
        {
            file, periodEnd, format,
        };
        validate.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            var path = parse.GetValue(file)!;
            var options = new NccisValidationOptions
            {
                PeriodEnd = parse.GetValue(periodEnd) is { } end ? DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
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

            var text = parse.GetValue(format) == "json" ? NccisReportJson(report) : NccisReportText(path, report);
            await context.Output.WriteAsync(text.AsMemory(), cancellationToken);
            return report.Refused ? Usage : report.IsClean ? Success : Failed;
        });
        nccis.Subcommands.Add(validate);
        return nccis;
    }

    /// <summary>
    /// The machine-readable report: exactly <c>file_errors</c>, <c>record_errors</c> and <c>totals</c>. The relaxed
    /// encoder keeps quotes in messages readable; it still escapes control characters, and the output is not HTML.
    /// </summary>
    internal static string NccisReportJson(NccisValidationReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("file_errors");
            foreach (var error in report.FileErrors)
            {
                json.WriteStartObject();
                json.WriteNumber("code", error.Code);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("record_errors");
            foreach (var error in report.RecordErrors)
            {
                json.WriteStartObject();
                json.WriteNumber("code", error.Code);
                json.WriteNumber("priority", error.Priority);
                json.WriteString("young_person_id", error.YoungPersonId);
                json.WriteString("field", error.Field);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("totals");
            foreach (var (code, count) in report.Totals)
            {
                json.WriteNumber(code.ToString(CultureInfo.InvariantCulture), count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
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
