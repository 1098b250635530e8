using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Cli;

public static partial class Commands
{
    /// <summary>Rejected records listed in the text report; the count still covers them all.</summary>
    private const int TextRejectionsShown = 50;

    private static Command CreateNccisImportCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var file = new Argument<string>("FILE") { Description = "An NCCIS XML return written by another CCIS product (or by Waypoint)." };
        var la = new Option<string?>("--la") { Description = "The LA whose records to load; the file's only SourceLEAs code when left out." };
        la.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Core.Nccis.LaCodes.IsEnglishLa(value))
            {
                result.AddError($"--la '{value}' is not an English LA code.");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be created, updated and rejected, and write nothing." };
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var import = new Command("import", "Load young people from an NCCIS return into Waypoint, matching existing records. All or nothing. Exit code 0 loaded, 1 some records rejected, 2 file refused.")
        {
            file, la, dryRun, format,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var context = contextFactory(parse);
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                await context.Error.WriteLineAsync($"Error: cannot read '{path}': the file does not exist.");
                return Usage;
            }

            await using var scope = context.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw new CommandFailedException("The database schema is not up to date. Run 'waypoint db migrate' first.");
            }

            NccisImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<NccisImporter>().ImportAsync(
                    context.Actor,
                    () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan),
                    new NccisImportOptions { LaCode = parse.GetValue(la), DryRun = parse.GetValue(dryRun), FileName = Path.GetFileName(path) },
                    cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"Error: cannot read '{path}': {ex.Message}");
                return Usage;
            }

            var text = parse.GetValue(format) == "json" ? NccisImportJson(result) : NccisImportText(result);
            await context.Output.WriteAsync(text.AsMemory(), cancellationToken);
            return result.Refused ? Usage : result.Rejected.Count > 0 ? Failed : Success;
        });
        return import;
    }

    internal static string NccisImportJson(NccisImportResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", result.FileName);
            json.WriteString("sha256", result.FileSha256);
            json.WriteString("la_code", result.LaCode);
            json.WriteString("period_end", result.PeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteBoolean("dry_run", result.DryRun);
            json.WriteBoolean("committed", result.Committed);
            json.WriteNumber("records", result.Records);
            json.WriteNumber("created", result.Created);
            json.WriteNumber("updated", result.Updated);
            json.WriteNumber("unchanged", result.Unchanged);
            json.WriteStartArray("rejected");
            foreach (var r in result.Rejected)
            {
                json.WriteStartObject();
                json.WriteNumber("line", r.Line);
                json.WriteString("young_person_id", r.YoungPersonsId);
                json.WriteString("field", r.Field);
                json.WriteString("value", r.Value);
                json.WriteString("reason", r.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("file_errors");
            foreach (var error in result.FileErrors)
            {
                json.WriteStartObject();
                json.WriteNumber("code", error.Code);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("previously_imported_at", result.PreviouslyImportedAt?.ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static string NccisImportText(NccisImportResult result)
    {
        var text = new StringBuilder();
        if (result.Refused)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"REFUSED: {result.FileName} was not loaded; nothing was written.");
            foreach (var error in result.FileErrors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  [{error.Code}] {error.Message}");
            }

            return text.ToString();
        }

        var outcome = result.DryRun ? "Dry run: nothing was written. The import would have" : "Imported";
        text.AppendLine(CultureInfo.InvariantCulture, $"{outcome} {result.FileName} for LA {result.LaCode}, period end {result.PeriodEnd:yyyy-MM-dd}: {result.Records:N0} records.");
        text.AppendLine(CultureInfo.InvariantCulture, $"  created   {result.Created,8:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  updated   {result.Updated,8:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  unchanged {result.Unchanged,8:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  rejected  {result.Rejected.Count,8:N0}");
        if (result.PreviouslyImportedAt is { } before)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"This file (SHA-256 {result.FileSha256}) was imported before, at {before:yyyy-MM-dd HH:mm} UTC.");
        }

        if (result.Created + result.Updated == 0 && result.Records > 0)
        {
            text.AppendLine("Nothing changed: every record in the file is already held exactly as the file gives it.");
        }

        foreach (var r in result.Rejected.Take(TextRejectionsShown))
        {
            var value = r.Value is null ? "" : $" = '{r.Value}'";
            text.AppendLine(CultureInfo.InvariantCulture, $"  line {r.Line}, {r.YoungPersonsId ?? "(no ID)"}, {r.Field}{value}: {r.Reason}");
        }

        if (result.Rejected.Count > TextRejectionsShown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {result.Rejected.Count - TextRejectionsShown:N0} more rejected records (use --format json for all).");
        }

        return text.ToString();
    }
}
