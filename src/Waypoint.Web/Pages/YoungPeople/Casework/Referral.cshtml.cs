using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Casework;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople.Casework;

public class ReferralModel(YoungPersonAccess access, CaseworkService casework, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateInput MadeOn { get; set; } = new();

    [BindProperty]
    public string? Safeguarding { get; set; } = "no";

    [BindProperty]
    public string? DesignatedPerson { get; set; }

    public YoungPerson Person { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Services { get; } = [new("Choose a service", ""), .. Enum.GetValues<ReferralService>().Select(s => new SelectListItem(CaseworkText.Describe(s), s.ToString()))];
    public IReadOnlyList<SelectListItem> SafeguardingChoices { get; } = [new("No", "no"), new("Yes, it is a safeguarding concern", "yes")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        MadeOn = DateInput.From(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var madeOn = MadeOn.Read(ModelState, nameof(MadeOn), "the date of the referral", required: true);
        if (!Enum.TryParse<ReferralService>(Service, out var service) || !Enum.IsDefined(service))
        {
            ModelState.AddModelError(nameof(Service), "Choose the service you are referring to");
        }

        if (Safeguarding is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Safeguarding), "Choose whether this is a safeguarding concern");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        try
        {
            await casework.MakeReferralAsync(HttpContext.GetActor(), new MakeReferralOptions(Id, service, Reason ?? "", madeOn!.Value, Safeguarding == "yes", DesignatedPerson));
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field, v.Message);
            }

            return this.PageWithErrors();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = $"Referral to {CaseworkText.Describe(service)} recorded";
        return Redirect($"/young-people/{Id}/casework");
    }

    private async Task<bool> LoadAsync()
    {
        var actor = HttpContext.GetActor();
        if (!CaseworkService.CanDoCasework(actor))
        {
            return false;
        }

        var person = await access.VisibleTo(actor).AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id);
        Person = person!;
        return person is not null;
    }
}
