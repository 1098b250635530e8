using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Dashboards;
using Waypoint.Core.Data;
using Waypoint.Core.Tracking;
using Waypoint.Web.Pages.Shared;

namespace Waypoint.Web.Pages.Tracking;

public class IndexModel(YoungPersonAccess access, CohortOverview overview, WaypointDbContext db, TrackingOptions options, TimeProvider clock) : StaffHomeModel(access, overview, db)
{
    private readonly YoungPersonAccess people = access;

    public IReadOnlyList<(WorkListKind Kind, int Count, string Href)> Lists { get; private set; } = [];
    public int UnassignedFollowUps { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync(11, 13, withLists: false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visible = people.VisibleTo(HttpContext.GetActor());
        var lists = new List<(WorkListKind, int, string)>();
        foreach (var kind in Enum.GetValues<WorkListKind>())
        {
            lists.Add((kind, await WorkLists.Apply(visible, kind, new WorkListFilter(), today, options).CountAsync(), $"/tracking/lists/{WorkLists.Slug(kind)}"));
        }

        Lists = lists;
        UnassignedFollowUps = await Db.FollowUpTasks.CountAsync(t => t.AssignedToUserId == null && t.CompletedAt == null && visible.Any(p => p.Id == t.YoungPersonId));
    }
}
