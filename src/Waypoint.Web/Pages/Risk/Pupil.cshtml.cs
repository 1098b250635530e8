using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Waypoint.Core.Risk;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Risk;

public class PupilModel(RiskService risk, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? SupportKind { get; set; }

    [BindProperty]
    public Guid? AdviserUserId { get; set; }

    [BindProperty]
    public string? Detail { get; set; }

    [BindProperty]
    public Guid? SupportId { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    public RiskRecord Record { get; private set; } = null!;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public IReadOnlyList<SelectListItem> Advisers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SupportKinds { get; } =
    [
        new("A personal adviser", nameof(RiskSupportKind.Adviser)),
        new("Mentoring", nameof(RiskSupportKind.Mentoring)),
        new("A planned intervention", nameof(RiskSupportKind.PlannedIntervention)),
    ];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var kind = Record.OnList ? RiskListDecisionKind.Removed : RiskListDecisionKind.Added;
        return await ChangeAsync(() => risk.DecideAsync(HttpContext.GetActor(), new RiskListDecisionOptions(Id, kind, Reason ?? "")),
            kind == RiskListDecisionKind.Removed ? "Taken off the at-risk list" : "Added to the at-risk list");
    }

    public async Task<IActionResult> OnPostSupportAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Enum.TryParse<RiskSupportKind>(SupportKind, out var kind))
        {
            ModelState.AddModelError(nameof(SupportKind), "Choose the support to assign");
            return this.PageWithErrors();
        }

        return await ChangeAsync(() => risk.AssignSupportAsync(HttpContext.GetActor(), new AssignRiskSupportOptions(Id, kind, AdviserUserId, Detail ?? "")),
            "Support assigned");
    }

    public async Task<IActionResult> OnPostOutcomeAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (SupportId is not { } supportId)
        {
            return NotFound();
        }

        return await ChangeAsync(() => risk.RecordOutcomeAsync(HttpContext.GetActor(), Id, supportId, Outcome ?? ""), "Outcome recorded");
    }

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string success)
    {
        try
        {
            await change();
        }
        catch (RiskInputException ex)
        {
            ModelState.AddModelError(ex.Field, ex.Message);
            return this.PageWithErrors();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = success;
        return Redirect($"/risk/{Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var record = await risk.OpenAsync(HttpContext.GetActor(), Id);
        if (record is null)
        {
            return false;
        }

        Record = record;
        var advisers = await risk.AdvisersForAsync(record.Person.LeadLaCode);
        Advisers = [new("Choose an adviser", ""), .. advisers.Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == AdviserUserId))];
        return true;
    }
}
