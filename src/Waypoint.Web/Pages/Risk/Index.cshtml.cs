using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Risk;
using Waypoint.Core.Users;

namespace Waypoint.Web.Pages.Risk;

public class IndexModel(RiskService risk, WaypointDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? School { get; set; }

    public RiskList List { get; private set; } = null!;
    public bool LaWide { get; private set; }
    public IReadOnlyList<SelectListItem> Schools { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = HttpContext.GetActor();
        LaWide = actor.Role?.IsLaWide() == true;
        if (LaWide)
        {
            var schools = await db.Organisations.Where(o => o.LaCode == actor.LaCode && o.Kind == OrganisationKind.SchoolOrCollege)
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
            Schools = [new("All schools", ""), .. schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == School))];
        }

        List = await risk.ListAsync(actor, LaWide ? School : null);
    }

    public async Task<IActionResult> OnPostRecomputeAsync()
    {
        var actor = HttpContext.GetActor();
        if (actor.Role?.IsLaWide() != true || actor.LaCode is null)
        {
            return Redirect("/errors/403");
        }

        var result = await risk.RecomputeAsync(actor, actor.LaCode);
        TempData["Success"] = $"Scores recomputed for {result.Scored:N0} pupils in Years 7 to 11";
        return Redirect("/risk");
    }
}
