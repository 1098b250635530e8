using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Casework;

namespace Waypoint.Core.Data.Mappings;

public class CaseContactMapping : IEntityTypeConfiguration<CaseContact>
{
    public void Configure(EntityTypeBuilder<CaseContact> builder)
    {
        builder.ToTable("case_contacts");
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Sensitivity).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Location).HasMaxLength(200);
        builder.Property(c => c.Outcome).HasMaxLength(1000);
        builder.Property(c => c.Note).HasMaxLength(10000);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.Ignore(c => c.IsSensitive);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(c => c.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_case_contacts_young_person");
        builder.HasIndex(c => new { c.YoungPersonId, c.OccurredOn }).HasDatabaseName("ix_case_contacts_person");
    }
}

public class PlanActionMapping : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("plan_actions");
        builder.Property(a => a.Description).HasMaxLength(1000);
        builder.Property(a => a.Owner).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(a => a.IsOpen);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(a => a.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_plan_actions_young_person");
        builder.HasOne<CaseContact>().WithMany().HasForeignKey(a => a.ContactId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_plan_actions_contact");
        builder.HasIndex(a => a.YoungPersonId).HasDatabaseName("ix_plan_actions_person");
        builder.HasIndex(a => a.ContactId).HasDatabaseName("ix_plan_actions_contact");
    }
}

public class ReferralMapping : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.Property(r => r.Service).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.Outcome).HasMaxLength(2000);
        builder.Property(r => r.DesignatedPerson).HasMaxLength(200);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(r => r.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_referrals_young_person");
        builder.HasIndex(r => r.YoungPersonId).HasDatabaseName("ix_referrals_person");
    }
}

public class AdviserProfileMapping : IEntityTypeConfiguration<AdviserProfile>
{
    public void Configure(EntityTypeBuilder<AdviserProfile> builder)
    {
        builder.ToTable("adviser_profiles");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.ProfessionalBody).HasMaxLength(200);
        builder.Property(a => a.RegistrationNumber).HasMaxLength(100);
        builder.HasOne<Users.WaypointUser>().WithOne().HasForeignKey<AdviserProfile>(a => a.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_adviser_profiles_user");
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(a => a.TeamLeaderUserId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_adviser_profiles_team_leader");
        builder.HasIndex(a => a.TeamLeaderUserId).HasDatabaseName("ix_adviser_profiles_team_leader");
    }
}

public class AdviserQualificationMapping : IEntityTypeConfiguration<AdviserQualification>
{
    public void Configure(EntityTypeBuilder<AdviserQualification> builder)
    {
        builder.ToTable("adviser_qualifications");
        builder.Property(q => q.Title).HasMaxLength(300);
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(q => q.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_adviser_qualifications_user");
        builder.HasIndex(q => q.UserId).HasDatabaseName("ix_adviser_qualifications_user");
    }
}

public class CpdEntryMapping : IEntityTypeConfiguration<CpdEntry>
{
    public void Configure(EntityTypeBuilder<CpdEntry> builder)
    {
        builder.ToTable("cpd_entries");
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(c => c.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_cpd_entries_user");
        builder.HasIndex(c => new { c.UserId, c.CompletedOn }).HasDatabaseName("ix_cpd_entries_user");
    }
}
