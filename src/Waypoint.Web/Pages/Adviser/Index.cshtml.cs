using Waypoint.Core.Access;
using Waypoint.Core.Dashboards;
using Waypoint.Core.Data;
using Waypoint.Web.Pages.Shared;

namespace Waypoint.Web.Pages.Adviser;

public class IndexModel(YoungPersonAccess access, CohortOverview overview, WaypointDbContext db) : StaffHomeModel(access, overview, db)
{
    public Task OnGetAsync() => LoadAsync(11, 13, withLists: true);
}
