using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Nccis.Returns;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Nccis;

/// <summary>
/// What the shared report partial shows: the counts, file errors, totals and one page of record errors.
/// <see cref="BaseUrl"/> is null when the errors cannot be paged or filtered (an uploaded file is not kept).
/// </summary>
public sealed class NccisReportView
{
    public const int PageSize = 50;

    public required NccisReportSummary Summary { get; init; }
    public required IReadOnlyList<NccisFileError> FileErrors { get; init; }
    public required IReadOnlyList<NccisRecordError> RecordErrors { get; init; }

    /// <summary>Record errors matching the filter, of which <see cref="RecordErrors"/> is one page.</summary>
    public int MatchingRecordErrors { get; init; }
    public IReadOnlyDictionary<string, Guid> Links { get; init; } = new Dictionary<string, Guid>();
    public string? BaseUrl { get; init; }
    public int? Code { get; init; }
    public int PageNumber { get; init; } = 1;
    public IReadOnlyList<SelectListItem> CodeChoices { get; init; } = [];

    public int PageCount => Math.Max(1, (MatchingRecordErrors + PageSize - 1) / PageSize);

    public static string Describe(int code) =>
        NccisErrorCatalogue.RecordErrors.TryGetValue(code, out var definition) ? definition.Summary
        : NccisErrorCatalogue.FileErrors.GetValueOrDefault(code, "Not a known error number");

    /// <summary>The cohort statuses of nccis.md section 2 in words.</summary>
    public static string StatusText(string status) => status switch
    {
        "P" => "current",
        "G" => "September Guarantee only",
        "A" => "aged out",
        "T" => "transferred to another LA",
        "E" => "left England",
        "M" => "merged duplicate",
        "D" => "deceased",
        "L" => "EHC plan ceased",
        _ => status,
    };

    public static int PriorityOf(int code) => NccisErrorCatalogue.PriorityOf(code);

    public string PageUrl(int page, int? code) =>
        $"{BaseUrl}?{(code is { } c ? $"code={c}&" : "")}p={page}#record-errors";

    /// <summary>
    /// Builds the view for one page of a report's record errors, filtered by error number, with links to the records
    /// among them that are this LA's own and visible to the user.
    /// </summary>
    public static async Task<NccisReportView> CreateAsync(NccisReportSummary summary, NccisReportDocument report, int? code, int page, string? baseUrl,
        YoungPersonAccess access, Actor actor, TrackingOptions options, int? maxShown = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(options);
        var matching = report.RecordErrors.Where(e => code is null || e.Code == code).ToList();
        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = maxShown is { } max ? matching.Take(max).ToList() : matching.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var codes = report.RecordErrors.Select(e => e.Code).Distinct().Order().ToList();
        return new NccisReportView
        {
            Summary = summary,
            FileErrors = report.FileErrors,
            RecordErrors = shown,
            MatchingRecordErrors = matching.Count,
            Links = await LinksAsync(shown.Select(e => e.YoungPersonId), access, actor, options),
            BaseUrl = baseUrl,
            Code = code,
            PageNumber = page,
            CodeChoices = [new SelectListItem("All errors", ""), .. codes.Select(c => new SelectListItem($"{c}: {Describe(c)}", c.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        };
    }

    /// <summary>
    /// A YoungPersonsID is our database ID followed by the local ID padded to 10 characters; only IDs with our prefix can
    /// be ours, and only records the user may open get a link.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, Guid>> LinksAsync(IEnumerable<string?> ids, YoungPersonAccess access, Actor actor, TrackingOptions options)
    {
        var prefix = options.NccisDatabaseId ?? actor.LaCode;
        if (prefix is null)
        {
            return new Dictionary<string, Guid>();
        }

        var wanted = ids.OfType<string>().Where(id => id.Length == prefix.Length + 10 && id.StartsWith(prefix, StringComparison.Ordinal)).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, Guid>();
        }

        var localIds = wanted.Select(id => id[prefix.Length..]).SelectMany(local => new[] { local, local.TrimStart('0') }).Distinct().ToList();
        var found = await access.VisibleTo(actor).Where(p => localIds.Contains(p.LocalId)).Select(p => new { p.Id, p.LocalId }).ToListAsync();
        var links = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var person in found)
        {
            links.TryAdd(prefix + person.LocalId.PadLeft(10, '0'), person.Id);
        }

        return links;
    }
}
