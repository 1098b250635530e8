using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Web.Pages.Nccis.Returns;

public sealed record SubmissionRow(NccisSubmission Submission, string? CreatedBy, NccisReportSummary? Summary, bool HasFile);

/// <summary>Every return the LA has created, newest first, with its checks.</summary>
public class IndexModel(NccisReturns returns, WaypointDbContext db) : PageModel
{
    public const int PageSize = 25;

    // "page" is Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SubmissionRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var submissions = returns.SubmissionsFor(HttpContext.GetActor());
        Total = await submissions.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await submissions.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var userIds = page.Select(s => s.CreatedByUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var summaries = await returns.SummariesAsync(page, ct);
        Rows = page.Select(s => new SubmissionRow(s,
            s.CreatedByUserId is { } id ? names.GetValueOrDefault(id) : "Command line",
            summaries.GetValueOrDefault(s.Id), returns.HasFile(s))).ToList();
    }
}
