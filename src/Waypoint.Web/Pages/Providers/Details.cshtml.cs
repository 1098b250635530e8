using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Providers;

public class DetailsModel(WaypointDbContext db) : PageModel
{
    public Organisation Provider { get; private set; } = null!;
    public List<Course> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.ProviderId == id && c.IsPublished).ToListAsync(ct);
        var provider = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (provider is null || courses.Count == 0)
        {
            return NotFound();
        }

        Provider = provider;
        Courses = courses.OrderBy(c => c.SubjectArea, StringComparer.Ordinal).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
        return Page();
    }
}
