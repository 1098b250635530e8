using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Courses;

/// <summary>Up to three courses side by side, chosen with the checkboxes on the search results.</summary>
public class CompareModel(WaypointDbContext db) : PageModel
{
    public const int MaxCourses = 3;

    [FromQuery(Name = "id")]
    public List<Guid> Ids { get; set; } = [];

    public List<(Course Course, string ProviderName)> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ids = Ids.Distinct().ToList();
        if (ids.Count < 2)
        {
            ModelState.AddModelError("id", "Choose 2 or 3 courses to compare");
        }
        else if (ids.Count > MaxCourses)
        {
            ModelState.AddModelError("id", $"Choose no more than {MaxCourses} courses to compare");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var rows = await (from c in db.Courses.AsNoTracking()
                          join o in db.Organisations.AsNoTracking() on c.ProviderId equals o.Id
                          where ids.Contains(c.Id) && c.IsPublished
                          select new { c, o.Name }).ToListAsync(ct);
        Courses = ids.Select(id => rows.SingleOrDefault(r => r.c.Id == id)).Where(r => r is not null).Select(r => (r!.c, r.Name)).ToList();
        return Page();
    }
}
