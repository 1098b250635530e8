using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Journeys;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.YoungPeople.RecordActivity;

public class NewModel(YoungPersonAccess access, JourneyStore journeys) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var actor = HttpContext.GetActor();
        var version = ParticipationService.CanChange(actor)
            ? await access.VisibleTo(actor).Where(p => p.Id == id).Select(p => (Guid?)p.Version).SingleOrDefaultAsync()
            : null;
        if (version is null)
        {
            return NotFound();
        }

        var journey = await journeys.StartAsync(actor.UserId!.Value, RecordActivityPageModel.Kind, id, new RecordActivityState { Version = version.Value });
        return Redirect($"/young-people/{id}/activity/{journey}/what");
    }
}
