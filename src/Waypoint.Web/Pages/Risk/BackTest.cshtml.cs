using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Risk;

namespace Waypoint.Web.Pages.Risk;

public class BackTestModel(RiskService risk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Cohort { get; set; }

    public IReadOnlyList<int> Cohorts { get; private set; } = [];
    public BackTestReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = HttpContext.GetActor();
        Cohorts = await risk.HistoryCohortsAsync(actor.LaCode!);
        if (Cohorts.Count < 2)
        {
            return Page();
        }

        Cohort ??= Cohorts[^1];
        try
        {
            Report = await risk.BackTestAsync(actor, actor.LaCode!, Cohort.Value);
        }
        catch (RiskInputException ex)
        {
            ModelState.AddModelError(nameof(Cohort), ex.Message);
            return this.PageWithErrors();
        }

        return Page();
    }
}
