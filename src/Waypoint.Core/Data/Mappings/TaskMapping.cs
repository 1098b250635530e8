using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Journeys;
using Waypoint.Core.Tasks;

namespace Waypoint.Core.Data.Mappings;

public class FollowUpTaskMapping : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable("follow_up_tasks");
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Outcome).HasMaxLength(1000);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(t => t.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_follow_up_tasks_young_person");
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(t => t.AssignedToUserId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_follow_up_tasks_assignee");
        builder.HasIndex(t => new { t.AssignedToUserId, t.CompletedAt, t.DueOn }).HasDatabaseName("ix_follow_up_tasks_assignee_open");
        builder.HasIndex(t => new { t.YoungPersonId, t.CompletedAt }).HasDatabaseName("ix_follow_up_tasks_person");
    }
}

public class JourneyStateMapping : IEntityTypeConfiguration<JourneyState>
{
    public void Configure(EntityTypeBuilder<JourneyState> builder)
    {
        builder.ToTable("journey_states");
        builder.Property(j => j.Kind).HasMaxLength(60);
        builder.HasIndex(j => new { j.UserId, j.Kind }).HasDatabaseName("ix_journey_states_user_kind");
    }
}
