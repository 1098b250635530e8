using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Dashboards;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.Shared;

/// <summary>The staff home pages: the cohort the user is responsible for, and who needs attention first.</summary>
public class StaffHomeModel(YoungPersonAccess access, CohortOverview overview, WaypointDbContext db) : PageModel
{
    protected WaypointDbContext Db => db;

    public CohortCounts Counts { get; private set; } = null!;
    public IReadOnlyList<YoungPersonListItem> Neet { get; private set; } = [];
    public IReadOnlyList<YoungPersonListItem> NotKnown { get; private set; } = [];
    public string OrganisationName { get; private set; } = "";

    protected async Task LoadAsync(int fromYearGroup, int toYearGroup, bool withLists)
    {
        var actor = HttpContext.GetActor();
        var visible = access.VisibleTo(actor);
        Counts = await overview.CountAsync(visible, fromYearGroup, toYearGroup);
        OrganisationName = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        if (!withLists)
        {
            return;
        }

        var current = visible.Where(p => p.CohortStatus == CohortStatus.P);
        Neet = await current.WhereCurrentActivityIn(ActivityCodes.Neet.ToList()).OrderByCurrentActivityStart().Take(20).ToListItems().ToListAsync();
        NotKnown = await current.WhereCurrentActivityIn(ActivityCodes.SituationNotKnown.ToList()).OrderByCurrentActivityStart().Take(20).ToListItems().ToListAsync();
    }
}
