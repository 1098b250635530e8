using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Web.Api;

/// <summary>The validation report as JSON, described for OpenAPI; the body itself is written by <see cref="NccisReportJson"/>, as the CLI writes it.</summary>
public sealed record NccisValidationReportJson(IReadOnlyList<NccisFileError> FileErrors, IReadOnlyList<NccisRecordError> RecordErrors, IReadOnlyDictionary<string, int> Totals);

public sealed record NccisSubmissionDto(
    Guid Id,
    string LaCode,
    DateOnly PeriodEnd,
    DateTime CreatedAt,
    Guid? CreatedByUserId,
    int RecordCount,
    long FileBytes,
    string FileSha256,
    bool FileKept,
    bool? Refused,
    IReadOnlyDictionary<int, int>? Totals,
    string? FileUrl,
    string? ReportUrl);

public sealed record NccisSubmissionPage(int Total, int Page, int PageSize, IReadOnlyList<NccisSubmissionDto> Items);

/// <summary>
/// The NCCIS return over HTTP for the LA's data team, with the pages' authorisation (<see cref="Policies.NccisReturns"/>,
/// own LA only) and the same services and audit.
/// </summary>
public static class NccisApi
{
    /// <summary>The validator's limit plus room for a multipart envelope, on the validate endpoint only.</summary>
    public const long RequestLimit = NccisValidationOptions.DefaultMaxBytes + 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var nccis = api.MapGroup("/nccis").RequireAuthorization(Policies.NccisReturns).WithTags("NCCIS");
        nccis.MapPost("/validate", ValidateAsync).WithName("ValidateNccisFile")
            .WithSummary("Check an NCCIS XML file from any system")
            .WithDescription("Send the file as the request body (application/xml or text/xml) or as the `file` field of multipart/form-data. "
                + "Optional `period_end` (YYYY-MM-DD) in the query or form. The answer has the CLI's JSON shape; the file is not kept.")
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: RequestLimit)
            .Accepts<string>("application/xml", "text/xml", "multipart/form-data")
            .Produces<NccisValidationReportJson>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status415UnsupportedMediaType);
        nccis.MapGet("/submissions", ListAsync).WithName("ListNccisSubmissions").WithSummary("The LA's NCCIS returns, newest first");
        nccis.MapGet("/submissions/{id:guid}/file", FileAsync).WithName("DownloadNccisSubmission").WithSummary("The XML file of one return, as written")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").Produces(StatusCodes.Status404NotFound);
        nccis.MapGet("/submissions/{id:guid}/report", ReportAsync).WithName("GetNccisSubmissionReport").WithSummary("The validation report of one return")
            .Produces<NccisValidationReportJson>(StatusCodes.Status200OK, "application/json").Produces(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ValidateAsync(HttpContext context, NccisReturns returns, [FromQuery(Name = "period_end")] string? periodEnd, CancellationToken ct)
    {
        var request = context.Request;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                return TooLarge();
            }

            if ((form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)) is not { Length: > 0 } file)
            {
                return Invalid("file", "Send the NCCIS XML file as the 'file' field");
            }

            if (!TryPeriodEnd(periodEnd ?? (form["period_end"] is { Count: > 0 } fromForm ? fromForm[0] : null), out var end))
            {
                return Invalid("period_end", "period_end must be a date in the form YYYY-MM-DD");
            }

            await using var content = file.OpenReadStream();
            return Report((await returns.ValidateUploadAsync(context.GetActor(), content, file.FileName, end, "api", ct)).Report);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? "";
        if (!mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) && !mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (!TryPeriodEnd(periodEnd, out var periodEndDate))
        {
            return Invalid("period_end", "period_end must be a date in the form YYYY-MM-DD");
        }

        // The body is spooled to a temporary file the system deletes on close, so neither memory nor disk keeps it.
        var path = Path.GetTempFileName();
        await using var spool = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (spool.Length + read > NccisValidationOptions.DefaultMaxBytes)
                {
                    return TooLarge();
                }

                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (BadHttpRequestException)
        {
            return TooLarge();
        }

        if (spool.Length == 0)
        {
            return Invalid("file", "The request body is empty: send the NCCIS XML file");
        }

        spool.Position = 0;
        var name = request.Query["file_name"] is { Count: > 0 } given ? given[0] ?? "request body" : "request body";
        return Report((await returns.ValidateUploadAsync(context.GetActor(), spool, name, periodEndDate, "api", ct)).Report);
    }

    private static async Task<IResult> ListAsync(HttpContext context, NccisReturns returns, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var submissions = returns.SubmissionsFor(context.GetActor());
        var total = await submissions.CountAsync(ct);
        var rows = await submissions.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var summaries = await returns.SummariesAsync(rows, ct);
        var items = rows.Select(s =>
        {
            var kept = returns.HasFile(s);
            var summary = summaries.GetValueOrDefault(s.Id);
            return new NccisSubmissionDto(s.Id, s.LaCode, s.PeriodEnd, s.CreatedAt, s.CreatedByUserId, s.RecordCount, s.FileBytes, s.FileSha256, kept,
                summary?.Refused, summary?.Totals, kept ? $"/api/nccis/submissions/{s.Id}/file" : null, kept ? $"/api/nccis/submissions/{s.Id}/report" : null);
        }).ToList();
        return Results.Ok(new NccisSubmissionPage(total, page, pageSize, items));
    }

    private static async Task<IResult> FileAsync(HttpContext context, NccisReturns returns, Guid id, CancellationToken ct)
    {
        var actor = context.GetActor();
        if (await returns.FindAsync(actor, id, ct) is not { } submission || await returns.OpenFileAsync(actor, submission, "api", ct) is not { } file)
        {
            return Results.NotFound();
        }

        return Results.File(file, "application/xml", NccisReturns.DownloadFileName(submission));
    }

    private static async Task<IResult> ReportAsync(HttpContext context, NccisReturns returns, Guid id, CancellationToken ct)
    {
        var actor = context.GetActor();
        if (await returns.FindAsync(actor, id, ct) is not { } submission || await returns.OpenReportJsonAsync(actor, submission, ct) is not { } report)
        {
            return Results.NotFound();
        }

        return Results.Stream(report, "application/json");
    }

    private static IResult Report(NccisValidationReport report) => Results.Text(NccisReportJson.ToText(report), "application/json", Encoding.UTF8);

    private static IResult Invalid(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult TooLarge() => Results.Problem(title: "The file is too large",
        detail: $"NCCIS files over {NccisValidationOptions.DefaultMaxBytes:N0} bytes are refused.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static bool TryPeriodEnd(string? value, out DateOnly? periodEnd)
    {
        periodEnd = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        periodEnd = parsed;
        return true;
    }
}
