using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Access;

public enum AccessOutcome
{
    Allowed,
    NotFound,
    Denied,
}

public sealed record AccessResult<T>(AccessOutcome Outcome, T? Value) where T : class;

/// <summary>
/// The one place that decides which young people's records a user may see. Every page, API endpoint and
/// command that reads a young person goes through <see cref="VisibleTo"/> or <see cref="OpenAsync"/>; do not
/// query <see cref="WaypointDbContext.YoungPeople"/> for a user without it.
/// </summary>
public class YoungPersonAccess(WaypointDbContext db, AuditTrail audit)
{
    /// <summary>
    /// The young people this actor is responsible for:
    /// LA staff and advisers see those their LA leads on; school, college and provider staff see those on
    /// their roll; a young person sees themselves; a parent sees a linked young person who has consented.
    /// </summary>
    public IQueryable<YoungPerson> VisibleTo(Actor actor)
    {
        var people = db.YoungPeople.AsQueryable();
        return actor.Role switch
        {
            { } role when role.IsLaWide() && actor.LaCode is not null => people.Where(p => p.LeadLaCode == actor.LaCode),
            { } role when role.IsEstablishmentStaff() && actor.OrganisationId is not null => people.Where(p => p.SchoolId == actor.OrganisationId),
            WaypointRole.YoungPerson when actor.YoungPersonId is not null => people.Where(p => p.Id == actor.YoungPersonId),
            WaypointRole.ParentOrCarer when actor.UserId is not null => people.Where(p =>
                db.ParentLinks.Any(l => l.ParentUserId == actor.UserId && l.YoungPersonId == p.Id && l.ConsentGiven)),
            _ => people.Where(_ => false),
        };
    }

    /// <summary>
    /// Opens one young person's record for viewing, writing the view (or the refused attempt) to the audit trail.
    /// A record that exists but is outside the actor's responsibility is reported as <see cref="AccessOutcome.Denied"/>;
    /// callers show it as "not found" so that its existence is not disclosed.
    /// </summary>
    public async Task<AccessResult<YoungPerson>> OpenAsync(
        Actor actor,
        Guid youngPersonId,
        string purpose,
        Func<IQueryable<YoungPerson>, IQueryable<YoungPerson>>? include = null,
        CancellationToken cancellationToken = default)
    {
        var query = VisibleTo(actor).Where(p => p.Id == youngPersonId);
        if (include is not null)
        {
            query = include(query);
        }

        var person = await query.FirstOrDefaultAsync(cancellationToken);
        if (person is not null)
        {
            await audit.RecordAsync(actor, AuditActions.YoungPersonViewed, AuditOutcome.Succeeded, "YoungPerson",
                person.Id.ToString(), person.Id, details: new { purpose }, cancellationToken: cancellationToken);
            return new AccessResult<YoungPerson>(AccessOutcome.Allowed, person);
        }

        var exists = await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "YoungPerson",
            youngPersonId.ToString(), exists ? youngPersonId : null,
            details: new { purpose, reason = exists ? "outside the user's responsibility" : "no such record" },
            cancellationToken: cancellationToken);
        return new AccessResult<YoungPerson>(exists ? AccessOutcome.Denied : AccessOutcome.NotFound, null);
    }
}
