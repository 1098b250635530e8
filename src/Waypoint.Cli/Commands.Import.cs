using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;
using Waypoint.Core.Organisations;

namespace Waypoint.Cli;

public static partial class Commands
{
    private const int TextRowsShown = 50;

    private static readonly Dictionary<string, ImportKind> ImportKinds = new(StringComparer.Ordinal)
    {
        ["roll"] = ImportKind.Roll,
        ["ctf"] = ImportKind.Ctf,
        ["enrolments"] = ImportKind.Enrolments,
        ["benefit-claims"] = ImportKind.BenefitClaims,
    };

    private static Command CreateImportCommand(Func<ParseResult, CliContext> contextFactory)
    {
        var kind = new Argument<string>("KIND") { Description = "roll, ctf, enrolments or benefit-claims." };
        kind.AcceptOnlyFromAmong([.. ImportKinds.Keys]);
        var file = new Argument<string>("FILE") { Description = "The file to import." };
        var la = new Option<string?>("--la") { Description = "The LA whose register the file goes into; not needed when the database holds one LA." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be created, updated, sent for review and rejected, and write nothing." };
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var import = new Command("import", "Import a school roll, Common Transfer File, enrolment and leaver list or benefit-claim notices. All or nothing. Exit code 0 imported, 1 rows rejected, 2 file refused or wrong command line.")
        {
            kind, file, la, dryRun, format,
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

            var laCode = parse.GetValue(la);
            if (laCode is null)
            {
                var las = await db.Organisations.Where(o => o.Kind == OrganisationKind.LocalAuthority).Select(o => o.LaCode).Distinct().ToListAsync(cancellationToken);
                laCode = las.Count == 1 ? las[0] : throw new CommandFailedException($"The database holds {las.Count} local authorities; say which with --la.");
            }

            var commit = !parse.GetValue(dryRun);
            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            Stream Open() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            var importKind = ImportKinds[parse.GetValue(kind)!];
            var json = parse.GetValue(format) == "json";
            ImportOutcome outcome;
            if (context.Interactive && !json)
            {
                outcome = await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask(commit ? "Matching and saving" : "Matching", maxValue: 1);
                    return await service.RunAsync(context.Actor, laCode, importKind, Open, Path.GetFileName(path), commit, null, new Progress<int>(done =>
                    {
                        task.MaxValue = Math.Max(task.MaxValue, done);
                        task.Value = done;
                    }), cancellationToken);
                });
            }
            else
            {
                // Plain progress lines on the error stream, so a JSON report on the output stays clean.
                var lastReported = 0;
                outcome = await service.RunAsync(context.Actor, laCode, importKind, Open, Path.GetFileName(path), commit, null, new SynchronousRows(done =>
                {
                    if (done - lastReported >= 10_000)
                    {
                        lastReported = done;
                        context.Error.WriteLine($"  {done:N0} rows {(commit ? "matched and saved (not yet committed)" : "matched")}");
                        context.Error.Flush();
                    }
                }), cancellationToken);
            }

            await context.Output.WriteAsync((json ? ImportJson(outcome) : ImportText(outcome)).AsMemory(), cancellationToken);
            return outcome.Refused ? Usage : outcome.Rejected.Count > 0 ? Failed : Success;
        });
        return import;
    }

    private sealed class SynchronousRows(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    internal static string ImportJson(ImportOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", outcome.FileName);
            json.WriteString("sha256", outcome.FileSha256);
            json.WriteString("kind", ImportKinds.First(k => k.Value == outcome.Kind).Key);
            json.WriteBoolean("dry_run", !outcome.Committed);
            json.WriteString("import_id", outcome.ImportId?.ToString());
            json.WriteNumber("rows_read", outcome.RowsRead);
            json.WriteNumber("created", outcome.Created);
            json.WriteNumber("updated", outcome.Updated);
            json.WriteNumber("review", outcome.Review);
            json.WriteNumber("unchanged", outcome.Unchanged);
            json.WriteStartArray("rejected");
            foreach (var r in outcome.Rejected)
            {
                json.WriteStartObject();
                json.WriteNumber("row", r.Row);
                json.WriteString("field", r.Field);
                json.WriteString("value", r.Value);
                json.WriteString("reason", r.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("file_error", outcome.FileError);
            json.WriteStartArray("warnings");
            foreach (var warning in outcome.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteString("previously_imported_at", outcome.PreviouslyImportedAt?.ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static string ImportText(ImportOutcome outcome)
    {
        var text = new StringBuilder();
        if (outcome.Refused)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"REFUSED: {outcome.FileName}: {outcome.FileError}");
            text.AppendLine("Nothing was written.");
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{(outcome.Committed ? "Imported" : "Dry run, nothing written:")} {outcome.FileName} ({ImportService.KindName(outcome.Kind)}), {outcome.RowsRead:N0} rows read.");
        text.AppendLine(CultureInfo.InvariantCulture, $"  created   {outcome.Created,8:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  updated   {outcome.Updated,8:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  review    {outcome.Review,8:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  unchanged {outcome.Unchanged,8:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  rejected  {outcome.Rejected.Select(r => r.Row).Distinct().Count(),8:N0} rows");
        if (outcome.PreviouslyImportedAt is { } before)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"This file was imported before, at {before:yyyy-MM-dd HH:mm} UTC.");
        }

        if (outcome.Created + outcome.Updated + outcome.Review == 0)
        {
            text.AppendLine("No changes: every row is already held as the file gives it.");
        }

        foreach (var warning in outcome.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Warning: {warning}");
        }

        foreach (var r in outcome.Rejected.Take(TextRowsShown))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {outcome.FileName} row {r.Row}, {r.Field}{(r.Value is null ? "" : $" '{r.Value}'")}: {r.Reason}");
        }

        if (outcome.Rejected.Count > TextRowsShown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {outcome.Rejected.Count - TextRowsShown:N0} more (use --format json for all).");
        }

        if (outcome.ImportId is { } id)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Import {id}: it can be reverted for {ImportService.RevertDays} days.");
        }

        return text.ToString();
    }
}
