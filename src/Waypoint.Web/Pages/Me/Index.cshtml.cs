using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Casework;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.Me;

public class IndexModel(YoungPersonAccess access, CaseworkService casework, TimeProvider clock) : PageModel
{
    public YoungPerson Person { get; private set; } = null!;
    public IReadOnlyList<PlanAction> Actions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = HttpContext.GetActor();
        if (actor.YoungPersonId is not { } id)
        {
            return NotFound();
        }

        var result = await access.OpenAsync(actor, id, "own record", q => q.Include(p => p.School).Include(p => p.Activities));
        if (result.Outcome != AccessOutcome.Allowed)
        {
            return NotFound();
        }

        Person = result.Value!;
        Actions = await casework.ActionPlanAsync(id);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
