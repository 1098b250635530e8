using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Courses;

public class DetailsModel(WaypointDbContext db) : PageModel
{
    public Course Course { get; private set; } = null!;
    public Organisation Provider { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.IsPublished, ct);
        if (course is null)
        {
            return NotFound();
        }

        Course = course;
        Provider = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == course.ProviderId, ct);
        return Page();
    }
}
