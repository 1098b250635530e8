using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Careers;

namespace Waypoint.Web.Pages.Me;

/// <summary>
/// The young person's careers activities (talks, visits, placements, interviews their school registered them for) and
/// their reflection on each: what they learned and what they will do next. Each activity has its own form, so the page
/// works without JavaScript and a failed save keeps what was typed.
/// </summary>
public class CareersModel(CareersReflections reflections) : PageModel
{
    public IReadOnlyList<MyCareersActivity> Activities { get; private set; } = [];

    /// <summary>What was typed into a form that failed, shown back in that form.</summary>
    public (Guid ParticipationId, string Text)? Rejected { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Activities = await reflections.ActivitiesAsync(HttpContext.GetActor(), ct);

    public async Task<IActionResult> OnPostReflectAsync(Guid participationId, string? reflection, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        try
        {
            await reflections.SaveAsync(actor, participationId, reflection, ct);
        }
        catch (CareersAccessException)
        {
            return NotFound();
        }
        catch (CareersValidationException e)
        {
            foreach (var (_, message) in e.Errors)
            {
                ModelState.AddModelError($"reflection-{participationId}", message);
            }

            Rejected = (participationId, reflection ?? "");
            Activities = await reflections.ActivitiesAsync(actor, ct);
            return this.PageWithErrors();
        }

        TempData["Success"] = string.IsNullOrWhiteSpace(reflection) ? "Reflection removed" : "Reflection saved";
        return Redirect($"/me/careers#activity-{participationId}");
    }
}
