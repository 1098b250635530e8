using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Pages.Tracking;

public class WorkListModel(YoungPersonAccess access, WaypointDbContext db, AuditTrail audit, TrackingOptions options, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public WorkListQuery Filter { get; set; } = new();

    // "page" is Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public WorkListKind Kind { get; private set; }
    public string Slug => WorkLists.Slug(Kind);
    public IReadOnlyList<WorkListRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public WorkListChoices Choices { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string list)
    {
        if (WorkLists.FromSlug(list) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actor = HttpContext.GetActor();
        Choices = await WorkListChoices.LoadAsync(db, actor);
        PageNumber = Math.Max(1, PageNumber);
        var people = WorkLists.Apply(access.VisibleTo(actor), kind, Filter.ToFilter(), Today, options);
        Total = await people.CountAsync();
        Rows = await WorkLists.Order(people, kind).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToRows().ToListAsync();
        await audit.RecordAsync(actor, AuditActions.WorkListViewed, details: new { list = Slug, filter = Filter.ToFilter(), page = PageNumber, results = Total });
        return Page();
    }
}
