using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Risk;

namespace Waypoint.Core.Data.Mappings;

public class RiskIndicatorSetMapping : IEntityTypeConfiguration<RiskIndicatorSet>
{
    public void Configure(EntityTypeBuilder<RiskIndicatorSet> builder)
    {
        builder.ToTable("risk_indicator_sets");
        builder.Property(s => s.LaCode).HasMaxLength(3);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.CreatedByName).HasMaxLength(200);
        builder.Ignore(s => s.Definition);
        builder.HasIndex(s => new { s.LaCode, s.Version }).IsUnique().HasDatabaseName("ix_risk_indicator_sets_la_version");
    }
}

public class RiskScoreMapping : IEntityTypeConfiguration<RiskScore>
{
    public void Configure(EntityTypeBuilder<RiskScore> builder)
    {
        builder.ToTable("risk_scores");
        builder.Property(s => s.LaCode).HasMaxLength(3);
        builder.Property(s => s.Band).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Reasons).HasMaxLength(2000);
        builder.Property(s => s.ModelFactors).HasMaxLength(2000);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(s => s.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_risk_scores_young_person");
        builder.HasIndex(s => new { s.YoungPersonId, s.TermStart }).IsUnique().HasDatabaseName("ix_risk_scores_person_term");
        builder.HasIndex(s => new { s.LaCode, s.TermStart, s.Points }).HasDatabaseName("ix_risk_scores_la_term_points");
        builder.HasIndex(s => new { s.SchoolId, s.TermStart }).HasDatabaseName("ix_risk_scores_school_term");
    }
}

public class RiskListDecisionMapping : IEntityTypeConfiguration<RiskListDecision>
{
    public void Configure(EntityTypeBuilder<RiskListDecision> builder)
    {
        builder.ToTable("risk_list_decisions");
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.DecidedByName).HasMaxLength(200);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(d => d.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_risk_list_decisions_young_person");
        builder.HasIndex(d => new { d.YoungPersonId, d.DecidedAt }).HasDatabaseName("ix_risk_list_decisions_person");
    }
}

public class RiskSupportMapping : IEntityTypeConfiguration<RiskSupport>
{
    public void Configure(EntityTypeBuilder<RiskSupport> builder)
    {
        builder.ToTable("risk_supports");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.AdviserName).HasMaxLength(200);
        builder.Property(s => s.Detail).HasMaxLength(1000);
        builder.Property(s => s.AssignedByName).HasMaxLength(200);
        builder.Property(s => s.Outcome).HasMaxLength(1000);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(s => s.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_risk_supports_young_person");
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(s => s.AdviserUserId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_risk_supports_adviser");
        builder.HasIndex(s => s.YoungPersonId).HasDatabaseName("ix_risk_supports_person");
    }
}

public class RiskModelRecordMapping : IEntityTypeConfiguration<RiskModelRecord>
{
    public void Configure(EntityTypeBuilder<RiskModelRecord> builder)
    {
        builder.ToTable("risk_models");
        builder.Property(m => m.LaCode).HasMaxLength(3);
        builder.Property(m => m.TrainedOnCohorts).HasMaxLength(200);
        builder.Property(m => m.TrainedByName).HasMaxLength(200);
        builder.HasIndex(m => new { m.LaCode, m.Version }).IsUnique().HasDatabaseName("ix_risk_models_la_version");
    }
}

public class RiskHistoryRecordMapping : IEntityTypeConfiguration<RiskHistoryRecord>
{
    public void Configure(EntityTypeBuilder<RiskHistoryRecord> builder)
    {
        builder.ToTable("risk_history");
        builder.Property(h => h.LaCode).HasMaxLength(3);
        builder.Property(h => h.EthnicityCode).HasMaxLength(4);
        builder.Property(h => h.Gender).HasConversion<string>().HasMaxLength(1);
        builder.Property(h => h.AttendancePercent).HasPrecision(5, 1);
        builder.Ignore(h => h.Inputs);
        builder.HasIndex(h => new { h.LaCode, h.CohortYear }).HasDatabaseName("ix_risk_history_la_cohort");
    }
}
