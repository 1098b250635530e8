using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.School.Careers.Activities;

public sealed record ActivityRow(Guid Id, DateOnly Date, CareersActivityType Type, string Title, string? Partner, int Pupils, bool Meaningful);

public class IndexModel(CareersService careers, WaypointDbContext db, TimeProvider clock) : CareersPageModel(careers, clock)
{
    public IReadOnlyList<ActivityRow> Activities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Activities = await db.CareersActivities.Where(a => a.SchoolId == School.Id).OrderByDescending(a => a.Date).ThenBy(a => a.Title).Take(500)
            .Select(a => new ActivityRow(a.Id, a.Date, a.Type, a.Title, a.Partner != null ? a.Partner.Name : a.DeliveredBy, a.Participants.Count,
                a.Purpose != null && a.LearningOutcomes != null && a.TwoWayInteraction))
            .ToListAsync();
    }
}
