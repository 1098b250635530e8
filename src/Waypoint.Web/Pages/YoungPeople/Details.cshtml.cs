using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople;

public class DetailsModel(YoungPersonAccess access, TimeProvider clock) : PageModel
{
    public YoungPerson Person { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var result = await access.OpenAsync(HttpContext.GetActor(), id, "record page",
            q => q.Include(p => p.School).Include(p => p.Activities).Include(p => p.Characteristics).Include(p => p.Census).AsSplitQuery());
        if (result.Outcome != AccessOutcome.Allowed)
        {
            // A record outside the user's responsibility looks the same as one that does not exist.
            return NotFound();
        }

        Person = result.Value!;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
