using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Journeys;

namespace Waypoint.Web.Pages.YoungPeople.RecordActivity;

public class CancelModel(JourneyStore journeys) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid journey)
    {
        if (HttpContext.GetActor().UserId is { } userId)
        {
            await journeys.EndAsync(journey, userId);
        }

        return Redirect($"/young-people/{id}");
    }
}
