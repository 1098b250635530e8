using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Pages.Provider.Courses;

public class IndexModel(CourseService courses, WaypointDbContext db) : PageModel
{
    public List<(Course Course, string Provider)> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (from c in courses.CoursesFor(HttpContext.GetActor()).AsNoTracking()
                          join o in db.Organisations on c.ProviderId equals o.Id
                          orderby o.Name, c.Title
                          select new { c, o.Name }).Take(2000).ToListAsync(ct);
        Courses = rows.Select(r => (r.c, r.Name)).ToList();
    }
}
