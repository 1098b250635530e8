using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Audit;

namespace Waypoint.Core.Data.Mappings;

public class AuditEventMapping : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Role).HasMaxLength(40);
        builder.Property(a => a.Action).HasMaxLength(80);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(80);
        builder.Property(a => a.EntityId).HasMaxLength(80);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.CorrelationId).HasMaxLength(64);
        builder.HasIndex(a => a.OccurredAt).HasDatabaseName("ix_audit_events_occurred_at");
        builder.HasIndex(a => new { a.YoungPersonId, a.OccurredAt }).HasDatabaseName("ix_audit_events_young_person");
        builder.HasIndex(a => new { a.UserId, a.OccurredAt }).HasDatabaseName("ix_audit_events_user");
        builder.HasIndex(a => new { a.Action, a.OccurredAt }).HasDatabaseName("ix_audit_events_action");
    }
}
