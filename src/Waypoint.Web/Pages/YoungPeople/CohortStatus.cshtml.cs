using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople;

public class CohortStatusModel(YoungPersonAccess access, ParticipationService participation, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? NewStatus { get; set; }

    [BindProperty]
    public string? TransferredToLaCode { get; set; }

    [BindProperty]
    public string? LeftEnglandTo { get; set; }

    [BindProperty]
    public DateInput EffectiveOn { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public string DisplayName { get; private set; } = "";
    public CohortStatus Current { get; private set; }

    public IReadOnlyList<SelectListItem> Statuses { get; } =
    [
        new("P: in the cohort (active record)", "P"),
        new("G: September Guarantee only", "G"),
        new("T: moved to another local authority in England", "T"),
        new("E: left England", "E"),
        new("A: aged out of the cohort", "A"),
        new("L: EHC plan has ceased (aged 18 to 24)", "L"),
        new("M: duplicate record, merged", "M"),
        new("D: died", "D"),
    ];

    public IReadOnlyList<SelectListItem> Destinations { get; } = [new("Choose where", ""), new("Abroad", "000"), new("Wales", "001"), new("Scotland", "002"), new("Elsewhere in the UK", "003")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        EffectiveOn = DateInput.From(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var version = Version;
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Version = version;
        var effective = EffectiveOn.Read(ModelState, nameof(EffectiveOn), "the date the change took effect", required: true);
        if (!Enum.TryParse<CohortStatus>(NewStatus, out var status))
        {
            ModelState.AddModelError(nameof(NewStatus), "Choose the new cohort status");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        try
        {
            var destination = status switch { CohortStatus.T => TransferredToLaCode, CohortStatus.E => LeftEnglandTo, _ => null };
            await participation.ChangeCohortStatusAsync(HttpContext.GetActor(), new ChangeCohortStatusOptions(Id, Version, status, Reason ?? "", effective!.Value, destination));
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field == "TransferredToLaCode" && status == CohortStatus.E ? nameof(LeftEnglandTo) : v.Field, v.Message);
            }

            return this.PageWithErrors();
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError(nameof(NewStatus), "Someone else changed this record after you opened it. Check the record, then change the status again");
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = $"Cohort status changed to {status}";
        return Redirect($"/young-people/{Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var actor = HttpContext.GetActor();
        if (actor.Role?.IsLaWide() != true)
        {
            return false;
        }

        var person = await access.VisibleTo(actor).Where(p => p.Id == Id)
            .Select(p => new { p.Version, p.GivenName, p.PreferredGivenName, p.FamilyName, p.CohortStatus }).SingleOrDefaultAsync();
        if (person is null)
        {
            return false;
        }

        Version = person.Version;
        DisplayName = $"{person.PreferredGivenName ?? person.GivenName} {person.FamilyName}";
        Current = person.CohortStatus;
        return true;
    }
}
