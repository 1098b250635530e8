using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Core.Casework;

public sealed record AdviserRegisterEntry(
    Guid UserId, string Name, string? Email, int? HighestLevel, string? ProfessionalBody, DateOnly? TrainingNeedsAuditOn, double CpdHoursLastYear,
    bool Unqualified, bool AuditOverdue);

/// <summary>
/// The LA's register of advisers (2010 guidance: qualified to NVQ level 4 or above, CPD recorded): qualifications,
/// professional body, CPD log and the annual training-needs audit. An adviser keeps their own entry; the LA
/// administrator sees who is unqualified or overdue.
/// </summary>
public class AdviserRegister(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CaseworkOptions options)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<AdviserProfile> ProfileAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.AdviserProfiles.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken) ?? new AdviserProfile { UserId = userId };

    public async Task<IReadOnlyList<AdviserQualification>> QualificationsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.AdviserQualifications.AsNoTracking().Where(q => q.UserId == userId).OrderByDescending(q => q.Level).ThenBy(q => q.Title).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CpdEntry>> CpdAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await db.CpdEntries.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken)).OrderByDescending(c => c.CompletedOn).ToList();

    public async Task SaveProfileAsync(Actor actor, string? professionalBody, string? registrationNumber, DateOnly? trainingNeedsAuditOn, Guid? teamLeaderUserId, CancellationToken cancellationToken = default)
    {
        var userId = Self(actor);
        if (trainingNeedsAuditOn > Today)
        {
            throw new RuleViolationException([new RuleViolation("TrainingNeedsAuditOn", "The date of the training-needs audit must be today or in the past", null)]);
        }

        var profile = await db.AdviserProfiles.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new AdviserProfile { UserId = userId };
            db.AdviserProfiles.Add(profile);
        }

        profile.ProfessionalBody = professionalBody;
        profile.RegistrationNumber = registrationNumber;
        profile.TrainingNeedsAuditOn = trainingNeedsAuditOn;
        profile.TeamLeaderUserId = teamLeaderUserId == userId ? null : teamLeaderUserId;
        audit.Add(actor, AuditActions.AdviserRegisterUpdated, entityType: "AdviserProfile", entityId: userId.ToString(),
            details: new { professionalBody, trainingNeedsAuditOn, teamLeaderUserId = profile.TeamLeaderUserId });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddQualificationAsync(Actor actor, int level, string title, DateOnly awardedOn, CancellationToken cancellationToken = default)
    {
        var userId = Self(actor);
        var violations = new List<RuleViolation>();
        if (level is < 1 or > 8)
        {
            violations.Add(new RuleViolation("Level", "The level must be between 1 and 8", null));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            violations.Add(new RuleViolation("Title", "Enter the title of the qualification", null));
        }

        if (awardedOn > Today)
        {
            violations.Add(new RuleViolation("AwardedOn", "The date awarded must be today or in the past", null));
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        db.AdviserQualifications.Add(new AdviserQualification { UserId = userId, Level = level, Title = title, AwardedOn = awardedOn });
        audit.Add(actor, AuditActions.AdviserRegisterUpdated, entityType: "AdviserQualification", entityId: userId.ToString(), details: new { added = "qualification", level, title, awardedOn });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddCpdAsync(Actor actor, string title, DateOnly completedOn, double hours, CancellationToken cancellationToken = default)
    {
        var userId = Self(actor);
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(title))
        {
            violations.Add(new RuleViolation("CpdTitle", "Enter what the training or development was", null));
        }

        if (hours is <= 0 or > 500)
        {
            violations.Add(new RuleViolation("Hours", "The hours must be more than 0 and at most 500", null));
        }

        if (completedOn > Today)
        {
            violations.Add(new RuleViolation("CompletedOn", "The date must be today or in the past", null));
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        db.CpdEntries.Add(new CpdEntry { UserId = userId, Title = title, CompletedOn = completedOn, Hours = hours });
        audit.Add(actor, AuditActions.AdviserRegisterUpdated, entityType: "CpdEntry", entityId: userId.ToString(), details: new { added = "cpd", title, completedOn, hours });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every adviser of the actor's LA with their standing; <paramref name="onlyProblems"/> keeps the unqualified and overdue.</summary>
    public async Task<IReadOnlyList<AdviserRegisterEntry>> ListAsync(Actor actor, bool onlyProblems, CancellationToken cancellationToken = default)
    {
        var la = actor.LaCode;
        var yearAgo = Today.AddYears(-1);
        var auditDue = Today.AddMonths(-options.TrainingNeedsAuditMonths);
        var advisers = await db.Users
            .Where(u => u.Role == WaypointRole.PersonalAdviser && db.Organisations.Any(o => o.Id == u.OrganisationId && o.LaCode == la))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var ids = advisers.Select(a => a.Id).ToList();
        var levels = await db.AdviserQualifications.Where(q => ids.Contains(q.UserId)).GroupBy(q => q.UserId).Select(g => new { g.Key, Level = g.Max(q => q.Level) }).ToListAsync(cancellationToken);
        var profiles = await db.AdviserProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToListAsync(cancellationToken);
        var cpd = await db.CpdEntries.Where(c => ids.Contains(c.UserId) && c.CompletedOn > yearAgo).Select(c => new { c.UserId, c.Hours }).ToListAsync(cancellationToken);
        var entries = advisers.Select(a =>
        {
            var level = levels.FirstOrDefault(l => l.Key == a.Id)?.Level;
            var profile = profiles.FirstOrDefault(p => p.UserId == a.Id);
            return new AdviserRegisterEntry(a.Id, a.DisplayName, a.Email, level, profile?.ProfessionalBody, profile?.TrainingNeedsAuditOn,
                cpd.Where(c => c.UserId == a.Id).Sum(c => c.Hours),
                Unqualified: level is null || level < options.MinimumQualificationLevel,
                AuditOverdue: profile?.TrainingNeedsAuditOn is not { } done || done < auditDue);
        });
        return onlyProblems ? entries.Where(e => e.Unqualified || e.AuditOverdue).ToList() : entries.ToList();
    }

    private static Guid Self(Actor actor) =>
        actor.Role == WaypointRole.PersonalAdviser && actor.UserId is { } id ? id : throw new UnauthorizedAccessException("Only an adviser keeps their own register entry.");
}
