using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Waypoint.Core.Prospectus;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Provider.Applications;

/// <summary>One application to the user's organisation, and the provider's decision on it.</summary>
public class DetailsModel(ApplicationService applications) : PageModel
{
    public ApplicationView View { get; private set; } = null!;

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public DateInput InterviewOn { get; set; } = new();
    [BindProperty] public string? Note { get; set; }

    public IEnumerable<SelectListItem> Decisions => new (ProviderDecision Decision, string Text)[]
    {
        (ProviderDecision.InviteToInterview, "Invite to interview"),
        (ProviderDecision.ConditionalOffer, "Make a conditional offer"),
        (ProviderDecision.UnconditionalOffer, "Make an unconditional offer"),
        (ProviderDecision.Decline, "Decline the application"),
    }.Where(d => ApplicationService.CanDecide(View.Application.Status, d.Decision)).Select(d => new SelectListItem(d.Text, d.Decision.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Enum.TryParse<ProviderDecision>(Decision, out var decision) || !Enum.IsDefined(decision))
        {
            ModelState.AddModelError(nameof(Decision), "Choose a decision");
            return this.PageWithErrors();
        }

        DateOnly? interviewOn = null;
        if (decision == ProviderDecision.InviteToInterview)
        {
            interviewOn = InterviewOn.Read(ModelState, nameof(InterviewOn), "the date of the interview", required: true);
            if (interviewOn is null)
            {
                return this.PageWithErrors();
            }
        }

        try
        {
            await applications.DecideAsync(HttpContext.GetActor(), new DecideOptions(id, decision, Conditions, interviewOn, Note), ct);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException e)
        {
            foreach (var v in e.Violations)
            {
                ModelState.AddModelError(v.Field, v.Message);
            }

            return this.PageWithErrors();
        }

        TempData["Success"] = "Decision saved and the applicant told";
        return Redirect($"/provider/applications/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var view = await applications.OpenAsync(actor, id, ct);

        // Only the provider applied to decides; a school or LA opening it here sees nothing.
        if (view is null || view.Application.ProviderId != actor.OrganisationId)
        {
            return false;
        }

        View = view;
        return true;
    }
}
