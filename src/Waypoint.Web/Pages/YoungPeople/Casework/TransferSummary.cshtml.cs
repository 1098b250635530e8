using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Casework;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.YoungPeople.Casework;

/// <summary>
/// The casework summary handed on when a young person moves to another LA or on to adult services at 19 (25 with an EHC
/// plan): activities, the open action plan, referrals still open and the guidance they have had. Sensitive notes and
/// outcomes stay behind; a safeguarding referral is named with its designated person so the receiving service can ask.
/// </summary>
public class TransferSummaryModel(YoungPersonAccess access, WaypointDbContext db, CaseworkService casework, AuditTrail audit, TimeProvider clock) : PageModel
{
    public YoungPerson Person { get; private set; } = null!;
    public string? AdviserName { get; private set; }
    public DateOnly MovesOnOn { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Activity> Activities { get; private set; } = [];
    public IReadOnlyList<PlanAction> OpenActions { get; private set; } = [];
    public IReadOnlyList<Referral> OpenReferrals { get; private set; } = [];
    public int Contacts { get; private set; }
    public DateOnly? LastGuidance { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var actor = HttpContext.GetActor();
        var result = await access.OpenAsync(actor, id, "transfer summary", q => q.Include(p => p.School).AsNoTracking());
        if (result.Outcome != AccessOutcome.Allowed)
        {
            return NotFound();
        }

        Person = result.Value!;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        MovesOnOn = Person.DateOfBirth.AddYears(Person.HasEhcPlan ? 25 : 19);
        AdviserName = Person.AdviserUserId is null ? null : await db.Users.Where(u => u.Id == Person.AdviserUserId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        Activities = (await db.Activities.AsNoTracking().Where(a => a.YoungPersonId == id).ToListAsync()).OrderByDescending(a => a.StartDate).ToList();
        OpenActions = (await casework.ActionPlanAsync(id)).Where(a => a.IsOpen).ToList();
        OpenReferrals = (await casework.ReferralsAsync(actor, id)).Where(r => r.Status is ReferralStatus.Made or ReferralStatus.Accepted).ToList();
        var contacts = await db.CaseContacts.AsNoTracking().Where(c => c.YoungPersonId == id).Select(c => new { c.OccurredOn, c.Type }).ToListAsync();
        Contacts = contacts.Count;
        LastGuidance = contacts.Where(c => c.Type == ContactType.GuidanceInterview).Select(c => (DateOnly?)c.OccurredOn).Max();
        await audit.RecordAsync(actor, AuditActions.TransferSummaryExported, entityType: "YoungPerson", entityId: id.ToString(), youngPersonId: id,
            details: new { kind = "casework", openActions = OpenActions.Count, openReferrals = OpenReferrals.Count });
        return Page();
    }
}
