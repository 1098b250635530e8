using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;

namespace Waypoint.Core.Careers;

/// <summary>One careers activity a young person took part in, as they see it, with what they wrote about it.</summary>
public sealed record MyCareersActivity(
    Guid ParticipationId,
    string Title,
    CareersActivityType Type,
    DateOnly Date,
    int YearGroup,
    string? DeliveredBy,
    string? Purpose,
    string? LearningOutcomes,
    decimal? Hours,
    string? Reflection);

/// <summary>
/// The young person's side of their careers programme: the activities their school registered them for, and their own
/// reflection on each (the "followed by reflection" of a meaningful encounter). A young person only ever sees and
/// writes their own; the school sees the reflections on the activity's register.
/// </summary>
public class CareersReflections(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit)
{
    public const int MaxLength = 2000;

    /// <summary>The young person's activities, newest first.</summary>
    public async Task<IReadOnlyList<MyCareersActivity>> ActivitiesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var personId = await access.OwnRecordIdAsync(actor, cancellationToken);
        var rows = await (from p in db.CareersParticipations.AsNoTracking()
                          join a in db.CareersActivities.AsNoTracking() on p.ActivityId equals a.Id
                          where p.YoungPersonId == personId
                          orderby a.Date descending, a.Title
                          select new MyCareersActivity(p.Id, a.Title, a.Type, a.Date, p.YearGroup,
                              a.Partner != null ? a.Partner.Name : a.DeliveredBy, a.Purpose, a.LearningOutcomes, p.Hours, p.Reflection))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CareersOwnActivitiesViewed, entityType: "YoungPerson", entityId: personId.ToString(),
            youngPersonId: personId, details: new { results = rows.Count }, cancellationToken: cancellationToken);
        return rows;
    }

    /// <summary>
    /// Writes (or, when blank, clears) the young person's reflection on one of their own activities. Another pupil's
    /// participation is treated as not existing, and the attempt is audited as denied.
    /// </summary>
    public async Task SaveAsync(Actor actor, Guid participationId, string? reflection, CancellationToken cancellationToken = default)
    {
        var personId = await access.OwnRecordIdAsync(actor, cancellationToken);
        var text = string.IsNullOrWhiteSpace(reflection) ? null : reflection.Trim().ReplaceLineEndings("\n");
        if (text is { Length: > MaxLength })
        {
            throw new CareersValidationException([("Reflection", $"Your reflection must be {MaxLength:N0} characters or fewer")]);
        }

        var participation = await db.CareersParticipations.SingleOrDefaultAsync(p => p.Id == participationId && p.YoungPersonId == personId, cancellationToken);
        if (participation is null)
        {
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "CareersParticipation", participationId.ToString(),
                details: new { purpose = "careers reflection", reason = "not their own activity" }, cancellationToken: cancellationToken);
            throw new CareersAccessException("That activity is not one of yours.");
        }

        if (participation.Reflection == text)
        {
            return;
        }

        audit.Add(actor, AuditActions.CareersReflectionSaved, entityType: "CareersParticipation", entityId: participation.Id.ToString(),
            youngPersonId: personId, details: new { activityId = participation.ActivityId, cleared = text is null, length = text?.Length ?? 0 });
        participation.Reflection = text;
        await db.SaveChangesAsync(cancellationToken);
    }
}
