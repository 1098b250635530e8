using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Provider.Applications;

public sealed record ApplicationRow(Guid Id, string Applicant, DateOnly DateOfBirth, string Course, ApplicationStatus Status, DateTime SubmittedAt);

/// <summary>Applications made to the user's own organisation: no other provider's are ever listed.</summary>
public class IndexModel(ApplicationService applications, WaypointDbContext db, AuditTrail audit) : PageModel
{
    public List<ApplicationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        Rows = await (from a in applications.ForProvider(actor)
                      join c in db.Courses on a.CourseId equals c.Id
                      join p in db.YoungPeople on a.YoungPersonId equals p.Id
                      orderby a.SubmittedAt descending
                      select new ApplicationRow(a.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, c.Title, a.Status, a.SubmittedAt)).Take(500).ToListAsync(ct);
        await audit.RecordAsync(actor, AuditActions.ApplicationsReported, details: new { list = "provider applications", count = Rows.Count }, cancellationToken: ct);
    }
}
