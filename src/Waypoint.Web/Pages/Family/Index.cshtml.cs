using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Casework;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Web.Pages.Family;

public class IndexModel(YoungPersonAccess access, AuditTrail audit, Waypoint.Core.Data.WaypointDbContext db, CaseworkService casework) : PageModel
{
    public IReadOnlyList<YoungPerson> Children { get; private set; } = [];

    /// <summary>Each child's action plan and referrals; <see cref="CaseworkService.ReferralsAsync"/> leaves out safeguarding for a parent.</summary>
    public Dictionary<Guid, (IReadOnlyList<PlanAction> Actions, IReadOnlyList<Referral> Referrals)> Casework { get; } = [];

    public async Task OnGetAsync()
    {
        var actor = HttpContext.GetActor();
        Children = await access.VisibleTo(actor).Include(p => p.School).Include(p => p.Activities).AsSplitQuery().ToListAsync();
        foreach (var child in Children)
        {
            Casework[child.Id] = (await casework.ActionPlanAsync(child.Id), await casework.ReferralsAsync(actor, child.Id));
            audit.Add(actor, AuditActions.YoungPersonViewed, entityType: "YoungPerson", entityId: child.Id.ToString(), youngPersonId: child.Id, details: new { purpose = "parent summary" });
        }

        await db.SaveChangesAsync();
    }
}
