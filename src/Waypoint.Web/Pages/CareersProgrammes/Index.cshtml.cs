using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;

namespace Waypoint.Web.Pages.CareersProgrammes;

/// <summary>
/// The public careers programme page of a school or college (the website publication duty), read from the live
/// programme so it is always current. No sign-in and no pupil data.
/// </summary>
public class IndexModel(WaypointDbContext db) : PageModel
{
    public string SchoolName { get; private set; } = "";
    public CareersProgramme Programme { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Partners { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var found = await (from p in db.CareersProgrammes.AsNoTracking().Include(p => p.Planned)
                           join o in db.Organisations on p.SchoolId equals o.Id
                           where p.SchoolId == id && o.IsActive
                           select new { p, o.Name }).FirstOrDefaultAsync();
        if (found is null)
        {
            return NotFound();
        }

        (Programme, SchoolName) = (found.p, found.Name);
        var partnerIds = Programme.Planned.Where(a => a.PartnerId != null).Select(a => a.PartnerId!.Value).Distinct().ToList();
        Partners = await db.CareersPartners.Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
        return Page();
    }
}
