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

    /// <summary>For school staff: their own pupils' applications to any provider, to support them.</summary>
    public List<(ApplicationRow Row, string Provider)> Pupils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        Rows = await (from a in applications.ForProvider(actor)
                      join c in db.Courses on a.CourseId equals c.Id
                      join p in db.YoungPeople on a.YoungPersonId equals p.Id
                      orderby a.SubmittedAt descending
                      select new ApplicationRow(a.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, c.Title, a.Status, a.SubmittedAt)).Take(500).ToListAsync(ct);
        var pupils = await (from a in applications.ForSupporters(actor)
                            join c in db.Courses on a.CourseId equals c.Id
                            join o in db.Organisations on a.ProviderId equals o.Id
                            join p in db.YoungPeople on a.YoungPersonId equals p.Id
                            orderby p.FamilyName, p.GivenName, a.SubmittedAt
                            select new { Row = new ApplicationRow(a.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, c.Title, a.Status, a.SubmittedAt), Provider = o.Name }).Take(1000).ToListAsync(ct);
        Pupils = pupils.Select(p => (p.Row, p.Provider)).ToList();
        await audit.RecordAsync(actor, AuditActions.ApplicationsReported, details: new { list = "provider and pupils' applications", count = Rows.Count, pupils = Pupils.Count }, cancellationToken: ct);
    }
}
