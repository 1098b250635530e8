using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Matching;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.Imports.Duplicates;

public class MergeModel(WaypointDbContext db, DuplicateService duplicates, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid First { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Second { get; set; }

    [BindProperty]
    public string? Keep { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<YoungPerson> People { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        foreach (var p in People)
        {
            audit.Add(HttpContext.GetActor(), AuditActions.YoungPersonViewed, entityType: "YoungPerson", entityId: p.Id.ToString(), youngPersonId: p.Id, details: new { purpose = "duplicate comparison" });
        }

        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Keep is not { } keep || !Guid.TryParse(keep, out var keepId) || (keepId != First && keepId != Second))
        {
            ModelState.AddModelError(nameof(Keep), "Select the record to keep");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter how you know these records are the same young person");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        var kept = Guid.Parse(Keep!);
        try
        {
            var result = await duplicates.MergeAsync(HttpContext.GetActor(), kept, kept == First ? Second : First, Reason!.Trim());
            TempData["Success"] = $"Records merged: {result.ActivitiesCopied} activities and {result.CharacteristicsCopied} characteristics copied, {result.TasksMoved} follow-ups moved";
            return Redirect($"/young-people/{kept}");
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError(nameof(Keep), ex.Violations[0].Message);
            return this.PageWithErrors();
        }
    }

    private async Task<bool> LoadAsync()
    {
        var laCode = HttpContext.GetActor().LaCode;
        People = await db.YoungPeople.AsNoTracking().Include(p => p.School).Include(p => p.Activities)
            .Where(p => (p.Id == First || p.Id == Second) && p.LeadLaCode == laCode && p.CohortStatus != CohortStatus.M)
            .OrderBy(p => p.LocalId).ToListAsync();
        if (People.Count != 2)
        {
            return false;
        }

        Choices = People.Select(p => new SelectListItem($"Keep {p.GivenName} {p.FamilyName} (local ID {p.LocalId}, {p.Activities.Count} activities)", p.Id.ToString())).ToList();
        return true;
    }
}
