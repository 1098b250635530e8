using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Risk;

namespace Waypoint.Web.Pages.Risk;

public class CoverageModel(RiskService risk) : PageModel
{
    public IReadOnlyList<CoverageRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await risk.CoverageAsync(HttpContext.GetActor());
}
