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
    /// Candidates for a school's Year 11 leavers, whom <see cref="VisibleTo"/> no longer shows its staff once they have
    /// left: those with a 110 activity (registered at school) at the actor's own school at any time. Only the destinations
    /// report reads them (Gatsby Benchmark 3); it keeps those registered there at the end of Year 11, and shows anything
    /// beyond a "not shared" count only for leavers in the school's sixth form or who consented.
    /// </summary>
    public IQueryable<YoungPerson> Year11LeaversOf(Actor actor, Organisations.Organisation school)
    {
        var laEstab = school.LaEstab;
        return actor.Role is WaypointRole.CareersLeader or WaypointRole.SchoolStaff && actor.OrganisationId == school.Id && laEstab is not null
            ? db.YoungPeople.Where(p => p.MergedIntoYoungPersonId == null
                && db.Activities.Any(a => a.YoungPersonId == p.Id && a.Code == "110" && a.EstablishmentNumber == laEstab))
            : db.YoungPeople.Where(_ => false);
    }

    /// <summary>The signed-in young person's own record's ID, for the pages they use about themselves.</summary>
    public async Task<Guid> OwnRecordIdAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role != WaypointRole.YoungPerson || actor.YoungPersonId is not { } id
            || !await VisibleTo(actor).AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw new Tracking.RecordNotFoundException(actor.YoungPersonId ?? Guid.Empty);
        }

        return id;
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
