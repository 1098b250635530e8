using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;

namespace Waypoint.Web.Pages.Imports;

public class IndexModel(WaypointDbContext db) : PageModel
{
    private const int PageSize = 25;

    public IReadOnlyList<DataImport> Imports { get; private set; } = [];
    public int OpenReviews { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync(int p = 1)
    {
        var laCode = HttpContext.GetActor().LaCode;
        var query = db.DataImports.AsNoTracking().Where(i => i.LaCode == laCode);
        var total = await query.CountAsync();
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Imports = await query.OrderByDescending(i => i.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        OpenReviews = await db.MatchReviews.CountAsync(r => r.LaCode == laCode && r.Status == MatchReviewStatus.Open);
    }
}
