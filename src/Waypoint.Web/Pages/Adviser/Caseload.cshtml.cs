using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Casework;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Adviser;

/// <summary>Team leaders and LA administrators: the team's load, bulk assignment by school or rule, and transfer of a caseload.</summary>
public class CaseloadModel(CaseloadService caseloads, WaypointDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Team { get; set; }

    [BindProperty]
    public string? AdviserUserId { get; set; }

    [BindProperty]
    public string? Rule { get; set; }

    [BindProperty]
    public string? SchoolId { get; set; }

    [BindProperty]
    public string? LevelOfNeed { get; set; }

    [BindProperty]
    public bool OnlyUnassigned { get; set; } = true;

    [BindProperty]
    public string? FromAdviserUserId { get; set; }

    [BindProperty]
    public string? ToAdviserUserId { get; set; }

    public IReadOnlyList<AdviserLoad> Loads { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Advisers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Schools { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Rules { get; } =
    [
        new("Everyone on a school's roll", nameof(CaseloadRule.School)),
        new("Young people who are NEET", nameof(CaseloadRule.Neet)),
        new("Young people with SEND (EHC plan or SEN support)", nameof(CaseloadRule.Send)),
        new("Young people at a level of need or higher", nameof(CaseloadRule.LevelOfNeed)),
    ];
    public IReadOnlyList<SelectListItem> Levels { get; } = [new("Choose a level", ""), new("1 (highest need)", "1"), new("2", "2"), new("3 or higher", "3")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!CaseloadService.CanManage(HttpContext.GetActor()))
        {
            return Redirect("/errors/403");
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        var actor = HttpContext.GetActor();
        if (!CaseloadService.CanManage(actor))
        {
            return Redirect("/errors/403");
        }

        if (!Guid.TryParse(AdviserUserId, out var adviser))
        {
            ModelState.AddModelError(nameof(AdviserUserId), "Choose the adviser to assign young people to");
        }

        if (!Enum.TryParse<CaseloadRule>(Rule, out var rule))
        {
            ModelState.AddModelError(nameof(Rule), "Choose who to assign");
        }

        Guid? school = Guid.TryParse(SchoolId, out var s) ? s : null;
        int? level = int.TryParse(LevelOfNeed, out var l) ? l : null;
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.PageWithErrors();
        }

        try
        {
            var count = await caseloads.AssignAsync(actor, new AssignCaseloadOptions(adviser, rule, school, level, OnlyUnassigned: OnlyUnassigned));
            TempData["Success"] = $"{count:N0} young {(count == 1 ? "person" : "people")} assigned";
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field, v.Message);
            }

            await LoadAsync();
            return this.PageWithErrors();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTransferAsync()
    {
        var actor = HttpContext.GetActor();
        if (!CaseloadService.CanManage(actor))
        {
            return Redirect("/errors/403");
        }

        if (!Guid.TryParse(FromAdviserUserId, out var from))
        {
            ModelState.AddModelError(nameof(FromAdviserUserId), "Choose the adviser whose caseload moves");
        }

        if (!Guid.TryParse(ToAdviserUserId, out var to))
        {
            ModelState.AddModelError(nameof(ToAdviserUserId), "Choose the adviser who takes it on");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.PageWithErrors();
        }

        try
        {
            var count = await caseloads.TransferAsync(actor, from, to);
            TempData["Success"] = $"Caseload of {count:N0} transferred";
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field, v.Message);
            }

            await LoadAsync();
            return this.PageWithErrors();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var actor = HttpContext.GetActor();
        Loads = await caseloads.TeamLoadAsync(actor, Team ? actor.UserId : null);
        var la = actor.LaCode;
        var all = await caseloads.TeamLoadAsync(actor, null);
        Advisers = [new("Choose an adviser", ""), .. all.Select(a => new SelectListItem(a.Name, a.UserId.ToString()))];
        Schools = [new("Choose a school", ""), .. await db.Organisations.Where(o => o.LaCode == la && o.Kind == OrganisationKind.SchoolOrCollege)
            .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync()];
    }
}
