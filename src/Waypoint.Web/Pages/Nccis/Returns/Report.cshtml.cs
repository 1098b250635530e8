using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Returns;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Nccis.Returns;

/// <summary>One return's validation report, shown before download, and the download itself.</summary>
public class ReportModel(NccisReturns returns, YoungPersonAccess access, WaypointDbContext db, AuditTrail audit, TrackingOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    // "page" is Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public NccisSubmission Submission { get; private set; } = null!;
    public string? CreatedBy { get; private set; }
    public NccisReportView? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (await returns.FindAsync(actor, id, ct) is not { } submission)
        {
            return NotFound();
        }

        Submission = submission;
        CreatedBy = submission.CreatedByUserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : "The command line or a scheduled job";
        if (await returns.ReportAsync(actor, submission, ct) is { } stored)
        {
            Report = await NccisReportView.CreateAsync(stored.Summary, stored.Report, Code, PageNumber, $"/nccis/returns/{id}", access, actor, options);
            await audit.RecordAsync(actor, AuditActions.NccisReportViewed, entityType: nameof(NccisSubmission), entityId: id.ToString(),
                details: new { submissionId = id, code = Code, page = Report.PageNumber, results = Report.MatchingRecordErrors }, cancellationToken: ct);
        }

        return Page();
    }
}
