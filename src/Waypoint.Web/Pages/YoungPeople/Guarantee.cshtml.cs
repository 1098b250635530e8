using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople;

public class GuaranteeModel(YoungPersonAccess access, ParticipationService participation, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? IntendedDestination { get; set; }

    [BindProperty]
    public string? GuaranteeStatus { get; set; }

    [BindProperty]
    public string? ProviderName { get; set; }

    public string DisplayName { get; private set; } = "";
    public int YearGroup { get; private set; }
    public bool InGuaranteeYears => YearGroup is 11 or 12;

    public IReadOnlyList<SelectListItem> Destinations { get; } = [new("Not recorded", ""), .. IntendedDestinationCodes.All.Select(c => new SelectListItem($"{c.Code} {c.Description}", c.Code))];
    public IReadOnlyList<SelectListItem> Statuses => [new("Not recorded", ""), .. SeptemberGuaranteeCodes.All.Where(c => SeptemberGuaranteeCodes.IsValidFor(c.Code, YearGroup)).Select(c => new SelectListItem($"{c.Code} {c.Description}", c.Code))];

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await LoadAsync();
        if (person is null)
        {
            return NotFound();
        }

        IntendedDestination = person.IntendedDestinationCode;
        var offer = person.SeptemberGuarantee.SingleOrDefault(o => o.AcademicYear == AcademicAge.AcademicYearStart(Today) && o.YearGroup == YearGroup);
        GuaranteeStatus = offer?.StatusCode;
        ProviderName = offer?.ProviderName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var version = Version;
        var person = await LoadAsync();
        if (person is null)
        {
            return NotFound();
        }

        var actor = HttpContext.GetActor();
        try
        {
            if (IntendedDestination is not null && IntendedDestination != person.IntendedDestinationCode)
            {
                await participation.SetIntendedDestinationAsync(actor, new SetIntendedDestinationOptions(Id, version, IntendedDestination));
                version = (await participation.CurrentVersionAsync(actor, Id))!.Value;
            }

            if (InGuaranteeYears && GuaranteeStatus is not null)
            {
                await participation.SetSeptemberGuaranteeAsync(actor, new SetSeptemberGuaranteeOptions(Id, version, YearGroup, GuaranteeStatus, ProviderName, null));
            }
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field == "StatusCode" ? nameof(GuaranteeStatus) : nameof(IntendedDestination), v.Message);
            }

            return this.PageWithErrors();
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError(nameof(IntendedDestination), "Someone else changed this record after you opened it. Check the record, then save again");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = "Intended destination and September Guarantee saved";
        return Redirect($"/young-people/{Id}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<YoungPerson?> LoadAsync()
    {
        var actor = HttpContext.GetActor();
        if (!ParticipationService.CanChange(actor))
        {
            return null;
        }

        var person = await access.VisibleTo(actor).Include(p => p.SeptemberGuarantee).AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id);
        if (person is not null)
        {
            Version = person.Version;
            DisplayName = person.DisplayName;
            YearGroup = AcademicAge.YearGroup(person.DateOfBirth, Today);
        }

        return person;
    }
}
