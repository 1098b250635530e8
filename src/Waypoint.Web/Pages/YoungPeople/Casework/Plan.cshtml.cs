using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Casework;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople.Casework;

public class PlanModel(YoungPersonAccess access, CaseworkService casework, TimeProvider clock) : PageModel
{
    public YoungPerson Person { get; private set; } = null!;
    public IReadOnlyList<PlanAction> Actions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var result = await access.OpenAsync(HttpContext.GetActor(), id, "action plan print");
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
