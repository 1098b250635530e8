using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Users;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>
/// The counts shown above a validation report. <see cref="ByCohortStatus"/> and <see cref="WithoutActivity"/> come from
/// the export and are null for a file Waypoint did not write.
/// </summary>
public sealed record NccisReportSummary(
    int Records,
    IReadOnlyDictionary<string, int>? ByCohortStatus,
    int? WithoutActivity,
    bool Refused,
    bool RecordErrorsTruncated,
    IReadOnlyDictionary<int, int> Totals)
{
    public bool IsClean => !Refused && Totals.Count == 0;

    public int ErrorCount => Totals.Values.Sum();

    public bool HasPriorityOneErrors => Totals.Keys.Any(code => NccisErrorCatalogue.PriorityOf(code) == 1);
}

/// <summary>A return's validation: its counts and the report, read from the files kept beside it.</summary>
public sealed record NccisStoredReport(NccisReportSummary Summary, NccisReportDocument Report);

/// <summary>The result of checking an uploaded file. <see cref="Sha256"/> is of the bytes received.</summary>
public sealed record NccisUploadCheck(string FileName, long Bytes, string Sha256, NccisReportSummary Summary, NccisValidationReport Report);

/// <summary>
/// The monthly return as the web app offers it: write it with <see cref="NccisExporter"/> into a file kept under the
/// data directory (<see cref="NccisReturnFiles"/>), validate that file at once, keep the report beside it, list the
/// LA's submissions, and hand the file back for download. Also checks files from other systems without keeping them.
/// Only the LA's administrators and tracking officers may do any of it (see <see cref="MayUse"/>).
/// </summary>
public sealed class NccisReturns(WaypointDbContext db, NccisExporter exporter, AuditTrail audit, TimeProvider clock, NccisReturnFiles files, CurrencyOptions currency)
{
    private static readonly JsonSerializerOptions SummaryJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>
    /// The LA's data team. Personal advisers are LA-wide for casework but do not send the return: the file holds the
    /// whole cohort's personal data, and advisers can belong to a commissioned careers provider rather than the LA.
    /// </summary>
    public static bool MayUse(Actor actor) =>
        actor is { Role: WaypointRole.LaAdministrator or WaypointRole.TrackingOfficer, LaCode: not null };

    /// <summary>The most recent month end before today: the return LA staff prepare at the start of a month.</summary>
    public DateOnly DefaultPeriodEnd()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new DateOnly(today.Year, today.Month, 1).AddDays(-1);
    }

    public IQueryable<NccisSubmission> SubmissionsFor(Actor actor) =>
        MayUse(actor) ? db.NccisSubmissions.AsNoTracking().Where(s => s.LaCode == actor.LaCode) : db.NccisSubmissions.Where(_ => false);

    /// <summary>Writes, stores and validates the return. The export's own audit event records what was written.</summary>
    public async Task<NccisSubmission> CreateAsync(Actor actor, DateOnly periodEnd, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayUse(actor))
        {
            throw new InvalidOperationException("Only an LA's administrators and tracking officers can create its NCCIS return.");
        }

        var partial = files.NewPartialPath();
        NccisExportResult result;
        try
        {
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                result = await exporter.ExportAsync(actor, actor.LaCode!, periodEnd, output, ct);
            }

            File.Move(partial, files.XmlPath(result.SubmissionId));
        }
        finally
        {
            File.Delete(partial);
        }

        await ValidateStoredAsync(actor, result.SubmissionId, periodEnd, result.ByCohortStatus, result.WithoutActivity, ct);
        await DeleteExpiredFilesAsync(ct);
        return await db.NccisSubmissions.AsNoTracking().SingleAsync(s => s.Id == result.SubmissionId, ct);
    }

    /// <summary>One of the actor's LA's submissions; a refusal is audited and looks like "not found" to the caller.</summary>
    public async Task<NccisSubmission?> FindAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var submission = await db.NccisSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is not null && MayUse(actor) && submission.LaCode == actor.LaCode)
        {
            return submission;
        }

        await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, nameof(NccisSubmission), id.ToString(),
            details: new { purpose = "nccis return", reason = submission is null ? "not found" : "another LA's return or not the LA's data team" }, cancellationToken: ct);
        return null;
    }

    public bool HasFile(NccisSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return files.HasFile(submission.Id);
    }

    /// <summary>The stored report, validating the file again when its report is missing. Null when the file is not kept.</summary>
    public async Task<NccisStoredReport?> ReportAsync(Actor actor, NccisSubmission submission, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!files.HasFile(submission.Id))
        {
            return null;
        }

        if (!File.Exists(files.SummaryPath(submission.Id)) || !File.Exists(files.ReportPath(submission.Id)))
        {
            await ValidateStoredAsync(actor, submission.Id, submission.PeriodEnd, null, null, ct);
        }

        var summary = await ReadSummaryAsync(submission.Id, ct);
        await using var report = File.OpenRead(files.ReportPath(submission.Id));
        return new NccisStoredReport(summary!, await NccisReportJson.ReadAsync(report, ct));
    }

    /// <summary>The counts and totals of each listed submission that still has its file.</summary>
    public async Task<IReadOnlyDictionary<Guid, NccisReportSummary>> SummariesAsync(IEnumerable<NccisSubmission> submissions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var found = new Dictionary<Guid, NccisReportSummary>();
        foreach (var submission in submissions)
        {
            if (await ReadSummaryAsync(submission.Id, ct) is { } summary)
            {
                found[submission.Id] = summary;
            }
        }

        return found;
    }

    /// <summary>The stored report in the CLI's JSON shape, for the API; null when the file is not kept.</summary>
    public async Task<Stream?> OpenReportJsonAsync(Actor actor, NccisSubmission submission, CancellationToken ct = default)
    {
        var report = await ReportAsync(actor, submission, ct);
        return report is null ? null : File.OpenRead(files.ReportPath(submission!.Id));
    }

    /// <summary>
    /// Opens the stored file for download after checking it still has the bytes the submission recorded, and audits the
    /// download. Null when the file is not kept; an altered file throws rather than being handed out.
    /// </summary>
    public async Task<Stream?> OpenFileAsync(Actor actor, NccisSubmission submission, string via, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!files.HasFile(submission.Id))
        {
            return null;
        }

        var stream = new FileStream(files.XmlPath(submission.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            if (hash != submission.FileSha256 || stream.Length != submission.FileBytes)
            {
                await audit.RecordAsync(actor, AuditActions.NccisDownloaded, AuditOutcome.Failed, nameof(NccisSubmission), submission.Id.ToString(),
                    reason: "the stored file no longer matches the submission's SHA-256", details: new { submissionId = submission.Id, expected = submission.FileSha256, found = hash }, cancellationToken: ct);
                throw new InvalidDataException($"The stored file of NCCIS submission {submission.Id} does not match its recorded SHA-256.");
            }

            stream.Position = 0;
            await audit.RecordAsync(actor, AuditActions.NccisDownloaded, entityType: nameof(NccisSubmission), entityId: submission.Id.ToString(), details: new
            {
                submissionId = submission.Id,
                laCode = submission.LaCode,
                periodEnd = submission.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                bytes = submission.FileBytes,
                sha256 = submission.FileSha256,
                via,
            }, cancellationToken: ct);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>The name the file downloads as: LA, period end and when it was written, so several exports of one month stay apart.</summary>
    public static string DownloadFileName(NccisSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return $"NCCIS-{submission.LaCode}-{submission.PeriodEnd:yyyy-MM-dd}-{submission.CreatedAt:yyyyMMdd-HHmm}.xml";
    }

    /// <summary>
    /// Checks a file from any system. <paramref name="content"/> must be seekable (a spooled upload); it is hashed, then
    /// validated, and never kept. The audit records the file's name, size, hash and totals, not its contents.
    /// </summary>
    public async Task<NccisUploadCheck> ValidateUploadAsync(Actor actor, Stream content, string fileName, DateOnly? periodEnd, string via, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!MayUse(actor))
        {
            throw new InvalidOperationException("Only an LA's administrators and tracking officers can check NCCIS files.");
        }

        var name = Path.GetFileName(fileName.Trim());
        name = name.Length > 200 ? name[..200] : name;
        var bytes = content.Length;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        content.Position = 0;
        var report = new NccisValidator(currency).Validate(content, new NccisValidationOptions { PeriodEnd = periodEnd });
        var summary = new NccisReportSummary(report.RecordCount, null, null, report.Refused, report.RecordErrorsTruncated, report.Totals);
        await audit.RecordAsync(actor, AuditActions.NccisValidated, entityType: "NccisFile", details: new
        {
            fileName = name,
            bytes,
            sha256 = hash,
            periodEnd = periodEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            records = report.RecordCount,
            refused = report.Refused,
            totals = report.Totals,
            via,
        }, cancellationToken: ct);
        return new NccisUploadCheck(name, bytes, hash, summary, report);
    }

    private async Task ValidateStoredAsync(Actor actor, Guid submissionId, DateOnly periodEnd, IReadOnlyDictionary<string, int>? byStatus, int? withoutActivity, CancellationToken ct)
    {
        NccisValidationReport report;
        await using (var xml = new FileStream(files.XmlPath(submissionId), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan))
        {
            report = new NccisValidator(currency).Validate(xml, new NccisValidationOptions { PeriodEnd = periodEnd });
        }

        // Written to a temporary name first so a reader never sees half a report.
        var reportPath = files.ReportPath(submissionId);
        await using (var output = File.Create(reportPath + ".tmp"))
        {
            NccisReportJson.Write(report, output);
        }

        File.Move(reportPath + ".tmp", reportPath, overwrite: true);
        var summary = new NccisReportSummary(report.RecordCount, byStatus, withoutActivity, report.Refused, report.RecordErrorsTruncated, report.Totals);
        var summaryPath = files.SummaryPath(submissionId);
        await using (var output = File.Create(summaryPath + ".tmp"))
        {
            await JsonSerializer.SerializeAsync(output, summary, SummaryJson, ct);
        }

        File.Move(summaryPath + ".tmp", summaryPath, overwrite: true);
        await audit.RecordAsync(actor, AuditActions.NccisValidated, entityType: nameof(NccisSubmission), entityId: submissionId.ToString(), details: new
        {
            submissionId,
            records = report.RecordCount,
            refused = report.Refused,
            totals = report.Totals,
            via = "export",
        }, cancellationToken: ct);
    }

    private async Task<NccisReportSummary?> ReadSummaryAsync(Guid submissionId, CancellationToken ct)
    {
        var path = files.SummaryPath(submissionId);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var input = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<NccisReportSummary>(input, SummaryJson, ct);
    }

    /// <summary>Deletes the files of returns older than the retention period; the submission rows stay as the record of what was sent.</summary>
    private async Task DeleteExpiredFilesAsync(CancellationToken ct)
    {
        if (files.RetentionDays == 0)
        {
            return;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-files.RetentionDays);
        var expired = await db.NccisSubmissions.AsNoTracking().Where(s => s.CreatedAt < cutoff).Select(s => new { s.Id, s.LaCode }).ToListAsync(ct);
        foreach (var submission in expired.Where(s => files.HasFile(s.Id)))
        {
            files.Delete(submission.Id);
            audit.Add(Actor.System("nccis file retention"), AuditActions.NccisFileDeleted, entityType: nameof(NccisSubmission), entityId: submission.Id.ToString(),
                details: new { submissionId = submission.Id, laCode = submission.LaCode, retentionDays = files.RetentionDays });
        }

        await db.SaveChangesAsync(ct);
    }
}
