using Waypoint.Core.Access;
using Waypoint.Core.Dashboards;
using Waypoint.Core.Data;
using Waypoint.Web.Pages.Shared;

namespace Waypoint.Web.Pages.School;

public class IndexModel(YoungPersonAccess access, CohortOverview overview, WaypointDbContext db) : StaffHomeModel(access, overview, db)
{
    public Task OnGetAsync() => LoadAsync(7, 13, withLists: false);
}
