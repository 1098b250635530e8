using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Prospectus;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.Reports.Applications;

public sealed record CountRow(string Name, int Applications, int Offers, int Accepted);

public sealed record FillRow(Guid CourseId, string Course, string Provider, int Capacity, int Accepted, int Applications);

/// <summary>The LA's view of the common application process: by school, provider and course, who has not applied, and fill rates.</summary>
public class IndexModel(ApplicationService applications, YoungPersonAccess access, WaypointDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput AppliedBy { get; set; } = new();

    public DateOnly Date { get; private set; }
    public List<CountRow> BySchool { get; private set; } = [];
    public List<CountRow> ByProvider { get; private set; } = [];
    public List<CountRow> ByCourse { get; private set; } = [];
    public List<FillRow> FillRates { get; private set; } = [];
    public List<YoungPerson> NotApplied { get; private set; } = [];
    public int NotAppliedCount { get; private set; }
    public int YearElevenCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Date = (AppliedBy.IsEmpty ? today : AppliedBy.Read(ModelState, nameof(AppliedBy), "the date", required: false)) ?? today;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var actor = HttpContext.GetActor();
        var rows = await (from a in applications.ForSupporters(actor)
                          join c in db.Courses on a.CourseId equals c.Id
                          join o in db.Organisations on a.ProviderId equals o.Id
                          join p in db.YoungPeople on a.YoungPersonId equals p.Id
                          join s in db.Organisations on p.SchoolId equals s.Id into schools
                          from s in schools.DefaultIfEmpty()
                          select new { a.Status, a.SubmittedAt, a.YoungPersonId, CourseId = c.Id, Course = c.Title, c.Capacity, Provider = o.Name, School = s == null ? null : s.Name })
                         .ToListAsync(ct);
        static CountRow Count(string name, IEnumerable<ApplicationStatus> statuses)
        {
            var list = statuses.ToList();
            return new CountRow(name, list.Count, list.Count(s => s.IsOffer() || s == ApplicationStatus.Accepted || s == ApplicationStatus.OfferReleased), list.Count(s => s == ApplicationStatus.Accepted));
        }

        BySchool = rows.GroupBy(r => r.School ?? "No school recorded").Select(g => Count(g.Key, g.Select(r => r.Status))).OrderByDescending(r => r.Applications).ToList();
        ByProvider = rows.GroupBy(r => r.Provider).Select(g => Count(g.Key, g.Select(r => r.Status))).OrderByDescending(r => r.Applications).ToList();
        ByCourse = rows.GroupBy(r => $"{r.Course}, {r.Provider}").Select(g => Count(g.Key, g.Select(r => r.Status))).OrderByDescending(r => r.Applications).Take(50).ToList();
        FillRates = rows.GroupBy(r => (r.CourseId, r.Course, r.Provider, r.Capacity))
            .Select(g => new FillRow(g.Key.CourseId, g.Key.Course, g.Key.Provider, g.Key.Capacity, g.Count(r => r.Status == ApplicationStatus.Accepted), g.Count()))
            .OrderByDescending(f => (double)f.Accepted / Math.Max(1, f.Capacity)).Take(50).ToList();

        var (earliest, latest) = AcademicAge.DateOfBirthRange(11, today);
        var cutoff = Date.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var yearEleven = access.VisibleTo(actor).Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest && p.CohortStatus == CohortStatus.P);
        var notApplied = yearEleven.Where(p => !db.CourseApplications.Any(a => a.YoungPersonId == p.Id && a.SubmittedAt <= cutoff));
        YearElevenCount = await yearEleven.CountAsync(ct);
        NotAppliedCount = await notApplied.CountAsync(ct);
        NotApplied = await notApplied.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(50).AsNoTracking().ToListAsync(ct);
        await audit.RecordAsync(actor, AuditActions.ApplicationsReported, details: new { list = "applications report", appliedBy = Date, applications = rows.Count, notApplied = NotAppliedCount }, cancellationToken: ct);
        return Page();
    }
}
