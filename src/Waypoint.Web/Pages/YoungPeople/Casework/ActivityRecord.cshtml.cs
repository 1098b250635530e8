using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Casework;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople.Casework;

/// <summary>
/// The record of activities a young person can take to Jobcentre Plus (2010 guidance para 52c): what they have done,
/// with dates, and the guidance they have had. No notes, outcomes or referrals: it is the young person's to hand over.
/// </summary>
public class ActivityRecordModel(YoungPersonAccess access, WaypointDbContext db, TimeProvider clock) : PageModel
{
    public YoungPerson Person { get; private set; } = null!;
    public IReadOnlyList<Activity> Activities { get; private set; } = [];
    public IReadOnlyList<(DateOnly On, ContactType Type)> Guidance { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var result = await access.OpenAsync(HttpContext.GetActor(), id, "activity record", q => q.Include(p => p.School).AsNoTracking());
        if (result.Outcome != AccessOutcome.Allowed)
        {
            return NotFound();
        }

        Person = result.Value!;
        Activities = (await db.Activities.AsNoTracking().Where(a => a.YoungPersonId == id).ToListAsync()).OrderByDescending(a => a.StartDate).ToList();
        Guidance = (await db.CaseContacts.AsNoTracking().Where(c => c.YoungPersonId == id && (c.Type == ContactType.GuidanceInterview || c.Type == ContactType.Review || c.Type == ContactType.SendTransitionReview))
            .Select(c => new { c.OccurredOn, c.Type }).ToListAsync()).OrderByDescending(c => c.OccurredOn).Select(c => (c.OccurredOn, c.Type)).ToList();
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
