using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Casework;

/// <summary>Which young people a bulk assignment takes.</summary>
public enum CaseloadRule
{
    /// <summary>Those on the roll of one school.</summary>
    School,
    Neet,
    Send,

    /// <summary>Those at a given level of need or higher (1 is the highest need).</summary>
    LevelOfNeed,
}

public sealed record AssignCaseloadOptions(Guid AdviserUserId, CaseloadRule? Rule, Guid? SchoolId = null, int? LevelOfNeed = null, IReadOnlyList<Guid>? YoungPersonIds = null, bool OnlyUnassigned = false);

public sealed record AdviserLoad(Guid UserId, string Name, int Caseload, int Need1, int Need2, int Need3, int OpenTasks, int Overdue);

/// <summary>
/// Who an adviser works with: assignment one by one, by school or by rule (NEET, SEND, level of need), transfer of a
/// whole caseload when an adviser leaves, and the team leader's view of the load. Each young person whose adviser
/// changes gets its own <c>young-person.adviser-assigned</c> event, and their open follow-ups move with them.
/// </summary>
public class CaseloadService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock)
{
    public static bool CanManage(Actor actor) => actor.Role is WaypointRole.LaAdministrator or WaypointRole.PersonalAdviser || actor.IsSystem;

    public async Task<int> AssignAsync(Actor actor, AssignCaseloadOptions o, CancellationToken cancellationToken = default)
    {
        await CheckAdviserAsync(o.AdviserUserId, "AdviserUserId", cancellationToken);
        var scope = await ScopeAsync(actor, o.AdviserUserId, cancellationToken);
        var people = scope;
        people = o.Rule switch
        {
            CaseloadRule.School when o.SchoolId is { } school => people.Where(p => p.SchoolId == school),
            CaseloadRule.School => throw new RuleViolationException([new RuleViolation("SchoolId", "Choose a school", null)]),
            CaseloadRule.Neet => people.Where(p => p.CohortStatus == CohortStatus.P).WhereCurrentActivityIn(ActivityCodes.Neet.ToList()),
            CaseloadRule.Send => people.Where(p => p.HasEhcPlan || p.HasSenSupport),
            CaseloadRule.LevelOfNeed when o.LevelOfNeed is { } level => people.Where(p => p.LevelOfNeed <= level),
            CaseloadRule.LevelOfNeed => throw new RuleViolationException([new RuleViolation("LevelOfNeed", "Choose a level of need", null)]),
            _ => people,
        };
        if (o.YoungPersonIds is { } ids)
        {
            people = people.Where(p => ids.Contains(p.Id));
        }
        else if (o.Rule is null)
        {
            throw new RuleViolationException([new RuleViolation("Rule", "Choose who to assign", null)]);
        }

        if (o.OnlyUnassigned)
        {
            people = people.Where(p => p.AdviserUserId == null);
        }

        people = people.Where(p => p.AdviserUserId != o.AdviserUserId && p.CohortStatus != CohortStatus.M);
        return await MoveAsync(actor, people, o.AdviserUserId, "assigned", cancellationToken);
    }

    /// <summary>Moves every young person and open follow-up of one adviser to another, for an adviser who leaves.</summary>
    public async Task<int> TransferAsync(Actor actor, Guid fromAdviserId, Guid toAdviserId, CancellationToken cancellationToken = default)
    {
        await CheckAdviserAsync(toAdviserId, "ToAdviserUserId", cancellationToken);
        var scope = await ScopeAsync(actor, toAdviserId, cancellationToken);
        if (fromAdviserId == toAdviserId)
        {
            throw new RuleViolationException([new RuleViolation("ToAdviserUserId", "Choose a different adviser to take on the caseload", null)]);
        }

        var moved = await MoveAsync(actor, scope.Where(p => p.AdviserUserId == fromAdviserId), toAdviserId, "transferred", cancellationToken);
        audit.Add(actor, AuditActions.CaseloadTransferred, entityType: "User", entityId: fromAdviserId.ToString(), details: new { from = fromAdviserId, to = toAdviserId, count = moved });
        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }

    /// <summary>The load of a team leader's team (the leader and advisers whose register entry names them), or of every adviser of the LA.</summary>
    public async Task<IReadOnlyList<AdviserLoad>> TeamLoadAsync(Actor actor, Guid? teamLeaderUserId, CancellationToken cancellationToken = default)
    {
        var visible = access.VisibleTo(actor);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var advisers = db.Users.Where(u => u.Role == WaypointRole.PersonalAdviser && u.OrganisationId != null);
        if (actor.LaCode is { } la)
        {
            advisers = advisers.Where(u => db.Organisations.Any(o => o.Id == u.OrganisationId && o.LaCode == la));
        }

        if (teamLeaderUserId is { } leader)
        {
            advisers = advisers.Where(u => u.Id == leader || db.AdviserProfiles.Any(a => a.UserId == u.Id && a.TeamLeaderUserId == leader));
        }

        var list = await advisers.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var ids = list.Select(a => a.Id).ToList();
        var needs = await visible.Where(p => p.AdviserUserId != null && ids.Contains(p.AdviserUserId.Value))
            .GroupBy(p => new { p.AdviserUserId, p.LevelOfNeed })
            .Select(g => new { g.Key.AdviserUserId, g.Key.LevelOfNeed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var tasks = await db.FollowUpTasks.Where(t => t.CompletedAt == null && t.AssignedToUserId != null && ids.Contains(t.AssignedToUserId.Value))
            .GroupBy(t => t.AssignedToUserId)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Count(t => t.DueOn < today) })
            .ToListAsync(cancellationToken);
        return list.Select(a =>
        {
            var mine = needs.Where(n => n.AdviserUserId == a.Id).ToList();
            var t = tasks.FirstOrDefault(x => x.Key == a.Id);
            return new AdviserLoad(a.Id, a.DisplayName, mine.Sum(n => n.Count),
                mine.Where(n => n.LevelOfNeed <= 1).Sum(n => n.Count), mine.Where(n => n.LevelOfNeed == 2).Sum(n => n.Count), mine.Where(n => n.LevelOfNeed >= 3).Sum(n => n.Count),
                t?.Open ?? 0, t?.Overdue ?? 0);
        }).ToList();
    }

    private async Task<int> MoveAsync(Actor actor, IQueryable<YoungPerson> people, Guid toAdviserId, string how, CancellationToken cancellationToken)
    {
        var moving = await people.Select(p => new { p.Id, p.AdviserUserId }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var batch in moving.Chunk(500))
        {
            var ids = batch.Select(p => p.Id).ToList();
            var tracked = await db.YoungPeople.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            foreach (var person in tracked)
            {
                var old = person.AdviserUserId;
                person.AdviserUserId = toAdviserId;
                person.UpdatedAt = now;
                audit.Add(actor, AuditActions.AdviserAssigned, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
                    details: new { how, changes = new[] { new FieldChange("AdviserUserId", old?.ToString(), toAdviserId.ToString()) } });
            }

            var tasks = await db.FollowUpTasks.Where(t => ids.Contains(t.YoungPersonId) && t.CompletedAt == null).ToListAsync(cancellationToken);
            foreach (var task in tasks)
            {
                task.AssignedToUserId = toAdviserId;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return moving.Count;
    }

    /// <summary>The young people the actor may assign: their LA's; for the system (CLI), the LA of the adviser taking them on.</summary>
    private async Task<IQueryable<YoungPerson>> ScopeAsync(Actor actor, Guid adviserUserId, CancellationToken cancellationToken)
    {
        if (actor.IsSystem)
        {
            var la = await db.Users.Where(u => u.Id == adviserUserId)
                .Select(u => db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.LaCode).FirstOrDefault())
                .SingleOrDefaultAsync(cancellationToken);
            return db.YoungPeople.Where(p => p.LeadLaCode == la);
        }

        if (!CanManage(actor) || actor.LaCode is null)
        {
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "Caseload", null, details: new { reason = "not allowed to assign caseloads" }, cancellationToken: cancellationToken);
            throw new UnauthorizedAccessException("Only LA administrators and personal advisers assign caseloads.");
        }

        return access.VisibleTo(actor);
    }

    private async Task CheckAdviserAsync(Guid userId, string field, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.Role == WaypointRole.PersonalAdviser, cancellationToken))
        {
            throw new RuleViolationException([new RuleViolation(field, "Choose a personal adviser", null)]);
        }
    }
}
