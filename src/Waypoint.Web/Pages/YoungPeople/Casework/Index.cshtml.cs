using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Casework;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople.Casework;

public class IndexModel(YoungPersonAccess access, CaseworkService casework) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public YoungPerson Person { get; private set; } = null!;
    public IReadOnlyList<ContactListItem> Contacts { get; private set; } = [];
    public IReadOnlyList<PlanAction> Actions { get; private set; } = [];
    public IReadOnlyList<Referral> Referrals { get; private set; } = [];
    public bool CanReadSensitive { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = HttpContext.GetActor();
        var result = await access.OpenAsync(actor, Id, "casework");
        if (result.Outcome != AccessOutcome.Allowed)
        {
            return NotFound();
        }

        Person = result.Value!;
        CanReadSensitive = casework.CanReadSensitiveNotes(actor);
        Contacts = await casework.ContactsAsync(Id);
        Actions = await casework.ActionPlanAsync(Id);
        Referrals = await casework.ReferralsAsync(actor, Id);
        return Page();
    }

    public async Task<IActionResult> OnPostActionStatusAsync(Guid actionId, PlanActionStatus status)
    {
        try
        {
            await casework.SetActionStatusAsync(HttpContext.GetActor(), Id, actionId, status);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = $"Action marked as {CaseworkText.Describe(status).ToLowerInvariant()}";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReferralStatusAsync(Guid referralId, ReferralStatus status, string? outcome)
    {
        try
        {
            await casework.UpdateReferralAsync(HttpContext.GetActor(), Id, referralId, status, outcome);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = "Referral updated";
        return RedirectToPage(new { id = Id });
    }
}
