using System.Text.Json;
using Waypoint.Core.Access;
using Waypoint.Core.Data;

namespace Waypoint.Core.Audit;

/// <summary>
/// Writes the audit trail. <see cref="Add"/> stages an event in the caller's unit of work so it commits in
/// the same transaction as the change it describes; <see cref="RecordAsync"/> saves at once, for reads and
/// refusals that change nothing else. <see cref="Create"/> only makes the event, for a bulk save that inserts it
/// without the change tracker (<see cref="PostgresBulkSave"/>).
/// </summary>
public class AuditTrail(WaypointDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions DetailsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public AuditEvent Add(
        Actor actor,
        string action,
        AuditOutcome outcome = AuditOutcome.Succeeded,
        string? entityType = null,
        string? entityId = null,
        Guid? youngPersonId = null,
        string? reason = null,
        object? details = null)
    {
        var auditEvent = Create(actor, action, outcome, entityType, entityId, youngPersonId, reason, details);
        db.AuditEvents.Add(auditEvent);
        return auditEvent;
    }

    /// <summary>The event <see cref="Add"/> stages, not yet staged: the caller must save it in the same transaction as the change.</summary>
    public AuditEvent Create(
        Actor actor,
        string action,
        AuditOutcome outcome = AuditOutcome.Succeeded,
        string? entityType = null,
        string? entityId = null,
        Guid? youngPersonId = null,
        string? reason = null,
        object? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.Name,
            Role = actor.Role?.ToString(),
            OrganisationId = actor.OrganisationId,
            Action = action,
            Outcome = outcome,
            EntityType = entityType,
            EntityId = entityId,
            YoungPersonId = youngPersonId,
            Reason = reason,
            Details = details is null ? null : details as string ?? JsonSerializer.Serialize(details, DetailsJson),
            IpAddress = actor.IpAddress,
            CorrelationId = actor.CorrelationId,
        };
    }

    public async Task<AuditEvent> RecordAsync(
        Actor actor,
        string action,
        AuditOutcome outcome = AuditOutcome.Succeeded,
        string? entityType = null,
        string? entityId = null,
        Guid? youngPersonId = null,
        string? reason = null,
        object? details = null,
        CancellationToken cancellationToken = default)
    {
        var auditEvent = Add(actor, action, outcome, entityType, entityId, youngPersonId, reason, details);
        await db.SaveChangesAsync(cancellationToken);
        return auditEvent;
    }
}

/// <summary>One changed field, for the Details of an update event.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
