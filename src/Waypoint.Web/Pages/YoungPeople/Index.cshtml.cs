using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople;

public class IndexModel(YoungPersonAccess access, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // "page" is Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<YoungPersonListItem> Results { get; private set; } = [];
    public int Total { get; private set; }
    public bool Searched => !string.IsNullOrWhiteSpace(Query);
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Searched)
        {
            return Page();
        }

        if (Query!.Length > 100)
        {
            ModelState.AddModelError("q", "Search must be 100 characters or fewer");
            return this.PageWithErrors();
        }

        PageNumber = Math.Max(1, PageNumber);
        var actor = HttpContext.GetActor();
        var matches = access.VisibleTo(actor).Search(Query);
        Total = await matches.CountAsync();
        Results = await matches.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListItems().ToListAsync();
        await audit.RecordAsync(actor, AuditActions.YoungPersonSearched, details: new { query = Query, results = Total, page = PageNumber });
        return Page();
    }
}
