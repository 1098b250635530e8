namespace Waypoint.Core.Audit;

public enum AuditOutcome
{
    Succeeded,
    Denied,
    Failed,
}

/// <summary>
/// One entry in the append-only audit trail. Rows are never updated or deleted: the DbContext refuses
/// it and database triggers (see the migrations) refuse it again for anyone writing SQL directly.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    public Guid? OrganisationId { get; set; }

    /// <summary>What happened, as a stable dotted name such as "young-person.viewed"; see docs/audit.md.</summary>
    public required string Action { get; set; }
    public AuditOutcome Outcome { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? YoungPersonId { get; set; }
    public string? Reason { get; set; }

    /// <summary>JSON: changed fields with old and new values, counts, file hashes.</summary>
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
    public string? CorrelationId { get; set; }
}
