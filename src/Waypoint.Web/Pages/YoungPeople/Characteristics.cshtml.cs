using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople;

public class CharacteristicsModel(YoungPersonAccess access, ParticipationService participation) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public DateInput StartDate { get; set; } = new();

    public YoungPerson Person { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Codes { get; } = [new("Choose a characteristic", ""), .. CharacteristicCodes.All.Select(c => new SelectListItem($"{c.Key} {c.Value}", c.Key))];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var version = Version;
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var start = StartDate.Read(ModelState, nameof(StartDate), "the date it started", required: true);
        if (string.IsNullOrEmpty(Code))
        {
            ModelState.AddModelError(nameof(Code), "Choose a characteristic");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        return await ChangeAsync(() => participation.AddCharacteristicAsync(HttpContext.GetActor(), Id, version, Code!, start!.Value), $"Characteristic recorded: {CharacteristicCodes.Describe(Code!)}");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid characteristicId)
    {
        var version = Version;
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return await ChangeAsync(() => participation.EndCharacteristicAsync(HttpContext.GetActor(), Id, version, characteristicId, today), "Characteristic ended as of today");
    }

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string success)
    {
        try
        {
            await change();
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field == "Code" ? nameof(Code) : nameof(StartDate), v.Message);
            }

            return this.PageWithErrors();
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError(nameof(Code), "Someone else changed this record after you opened it. The list below is now up to date: try again");
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = success;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync()
    {
        var actor = HttpContext.GetActor();
        if (!ParticipationService.CanChange(actor))
        {
            return false;
        }

        var person = await access.VisibleTo(actor).Include(p => p.Characteristics).AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id);
        if (person is null)
        {
            return false;
        }

        Person = person;
        Version = person.Version;
        return true;
    }
}
