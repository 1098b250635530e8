using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Careers;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Me;

/// <summary>
/// The young person's careers activities (talks, visits, placements, interviews their school registered them for) and
/// their reflection on each: what they learned and what they will do next. Each activity has its own form, so the page
/// works without JavaScript and a failed save keeps what was typed.
/// </summary>
public class CareersModel(CareersReflections reflections, DestinationsService destinations) : PageModel
{
    public IReadOnlyList<MyCareersActivity> Activities { get; private set; } = [];

    /// <summary>Whether the school where they did Year 11 may see where they went afterwards.</summary>
    public bool SharesDestination { get; private set; }

    /// <summary>What was typed into a form that failed, shown back in that form.</summary>
    public (Guid ParticipationId, string Text)? Rejected { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostShareAsync(bool? share, CancellationToken ct)
    {
        try
        {
            if (share is not { } choice)
            {
                ModelState.AddModelError("share-yes", "Select yes if the school where you did Year 11 can see where you went next, or no");
                await LoadAsync(ct);
                return this.PageWithErrors();
            }

            await destinations.SetSharingAsync(HttpContext.GetActor(), choice, ct);
            TempData["Success"] = choice ? "Your school can now see where you went after Year 11" : "Your school cannot see where you went after Year 11";
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        return Redirect("/me/careers#destination-sharing");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        Activities = await reflections.ActivitiesAsync(actor, ct);
        SharesDestination = await destinations.SharingAsync(actor, ct);
    }

    public async Task<IActionResult> OnPostReflectAsync(Guid participationId, string? reflection, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        try
        {
            await reflections.SaveAsync(actor, participationId, reflection, ct);
        }
        catch (Exception e) when (e is CareersAccessException or RecordNotFoundException)
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
            await LoadAsync(ct);
            return this.PageWithErrors();
        }

        TempData["Success"] = string.IsNullOrWhiteSpace(reflection) ? "Reflection removed" : "Reflection saved";
        return Redirect($"/me/careers#activity-{participationId}");
    }
}
