using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Careers;
using Waypoint.Core.Organisations;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Data.Mappings;

public class CareersPartnerMapping : IEntityTypeConfiguration<CareersPartner>
{
    public void Configure(EntityTypeBuilder<CareersPartner> builder)
    {
        builder.ToTable("careers_partners");
        builder.Property(p => p.LaCode).HasMaxLength(3);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Sectors).HasMaxLength(500);
        builder.Property(p => p.ActivityTypes).HasMaxLength(500);
        builder.Property(p => p.ContactName).HasMaxLength(200);
        builder.Property(p => p.ContactEmail).HasMaxLength(320);
        builder.Property(p => p.ContactPhone).HasMaxLength(40);
        builder.HasIndex(p => new { p.LaCode, p.Name }).HasDatabaseName("ix_careers_partners_la_name");
    }
}

public class CareersProgrammeMapping : IEntityTypeConfiguration<CareersProgramme>
{
    public void Configure(EntityTypeBuilder<CareersProgramme> builder)
    {
        builder.ToTable("careers_programmes");
        builder.Property(p => p.CareersLeaderName).HasMaxLength(200);
        builder.Property(p => p.CareersLeaderEmail).HasMaxLength(320);
        builder.Property(p => p.CareersLeaderPhone).HasMaxLength(40);
        builder.Property(p => p.Summary).HasMaxLength(4000);
        builder.Property(p => p.HowToAccess).HasMaxLength(4000);
        builder.Property(p => p.ImpactMeasurement).HasMaxLength(4000);
        builder.Property(p => p.ProviderAccessPolicy).HasMaxLength(8000);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.SchoolId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_careers_programmes_school");
        builder.HasIndex(p => p.SchoolId).IsUnique().HasDatabaseName("ux_careers_programmes_school");
        builder.HasMany(p => p.Planned).WithOne().HasForeignKey(a => a.ProgrammeId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_planned_careers_activities_programme");
    }
}

public class PlannedCareersActivityMapping : IEntityTypeConfiguration<PlannedCareersActivity>
{
    public void Configure(EntityTypeBuilder<PlannedCareersActivity> builder)
    {
        builder.ToTable("planned_careers_activities");
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.LearningOutcomes).HasMaxLength(2000);
        builder.HasOne<CareersPartner>().WithMany().HasForeignKey(p => p.PartnerId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_planned_careers_activities_partner");
    }
}

public class CareersActivityMapping : IEntityTypeConfiguration<CareersActivity>
{
    public void Configure(EntityTypeBuilder<CareersActivity> builder)
    {
        // Type is stored as its number: the measures compare ranges of it (see CareersMeasuresService.Counts).
        builder.ToTable("careers_activities");
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.DeliveredBy).HasMaxLength(200);
        builder.Property(a => a.Subject).HasMaxLength(100);
        builder.Property(a => a.Purpose).HasMaxLength(2000);
        builder.Property(a => a.LearningOutcomes).HasMaxLength(2000);
        builder.Property(a => a.EmployerTask).HasMaxLength(2000);
        builder.Property(a => a.EmployerFeedback).HasMaxLength(2000);
        builder.Property(a => a.Hours).HasPrecision(6, 1);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.SchoolId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_careers_activities_school");
        builder.HasOne(a => a.Partner).WithMany().HasForeignKey(a => a.PartnerId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_careers_activities_partner");
        builder.HasIndex(a => new { a.SchoolId, a.Date }).HasDatabaseName("ix_careers_activities_school_date");
        builder.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ActivityId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_careers_participations_activity");
    }
}

public class CareersParticipationMapping : IEntityTypeConfiguration<CareersParticipation>
{
    public void Configure(EntityTypeBuilder<CareersParticipation> builder)
    {
        builder.ToTable("careers_participations");
        builder.Property(p => p.Reflection).HasMaxLength(2000);
        builder.Property(p => p.Hours).HasPrecision(6, 1);
        builder.HasOne<YoungPerson>().WithMany().HasForeignKey(p => p.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_careers_participations_young_person");
        builder.HasIndex(p => new { p.ActivityId, p.YoungPersonId }).IsUnique().HasDatabaseName("ux_careers_participations_activity_person");
        builder.HasIndex(p => new { p.SchoolId, p.YoungPersonId }).HasDatabaseName("ix_careers_participations_school_person");
        builder.HasIndex(p => p.YoungPersonId).HasDatabaseName("ix_careers_participations_person");

        // The provider access law counts only provider encounters in school hours with a named provider: a small share
        // of all rows, read whole from this index (every column the query needs is in it) instead of a scan of the
        // table. Type 7 is CareersActivityType.ProviderEncounter; the filter is plain SQL that both providers accept.
        builder.HasIndex(p => new { p.SchoolId, p.YoungPersonId, p.YearGroup, p.BeforeMarch, p.PartnerId, p.Date })
            .HasFilter($"type = {(int)CareersActivityType.ProviderEncounter} AND in_school_hours AND partner_id IS NOT NULL")
            .HasDatabaseName("ix_careers_participations_provider_encounters");
    }
}

public class CareersTallyMapping : IEntityTypeConfiguration<CareersTally>
{
    public void Configure(EntityTypeBuilder<CareersTally> builder)
    {
        builder.ToTable("careers_tallies");
        builder.HasKey(t => new { t.YoungPersonId, t.SchoolId });
        builder.HasOne<YoungPerson>().WithMany().HasForeignKey(t => t.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_careers_tallies_young_person");
        builder.HasIndex(t => t.SchoolId).HasDatabaseName("ix_careers_tallies_school");
        // The measures first ask whether any tally in scope is later than the date asked about: usually none is.
        builder.HasIndex(t => t.LatestDate).HasDatabaseName("ix_careers_tallies_latest_date");
    }
}

public class PupilGroupMapping : IEntityTypeConfiguration<PupilGroup>
{
    public void Configure(EntityTypeBuilder<PupilGroup> builder)
    {
        builder.ToTable("pupil_groups");
        builder.Property(g => g.Name).HasMaxLength(50);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.SchoolId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_pupil_groups_school");
        builder.HasIndex(g => new { g.SchoolId, g.Name }).IsUnique().HasDatabaseName("ux_pupil_groups_school_name");
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_pupil_group_members_group");
    }
}

public class PupilGroupMemberMapping : IEntityTypeConfiguration<PupilGroupMember>
{
    public void Configure(EntityTypeBuilder<PupilGroupMember> builder)
    {
        builder.ToTable("pupil_group_members");
        builder.HasKey(m => new { m.GroupId, m.YoungPersonId });
        builder.HasOne<YoungPerson>().WithMany().HasForeignKey(m => m.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_pupil_group_members_young_person");
        builder.HasIndex(m => m.YoungPersonId).HasDatabaseName("ix_pupil_group_members_person");
    }
}

public class BenchmarkAnswerMapping : IEntityTypeConfiguration<BenchmarkAnswer>
{
    public void Configure(EntityTypeBuilder<BenchmarkAnswer> builder)
    {
        builder.ToTable("benchmark_answers");
        builder.Property(a => a.AreaKey).HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Evidence).HasMaxLength(4000);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.SchoolId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_benchmark_answers_school");
        builder.HasIndex(a => new { a.SchoolId, a.AreaKey }).IsUnique().HasDatabaseName("ux_benchmark_answers_school_area");
    }
}

public class BenchmarkSnapshotMapping : IEntityTypeConfiguration<BenchmarkSnapshot>
{
    public void Configure(EntityTypeBuilder<BenchmarkSnapshot> builder)
    {
        builder.ToTable("benchmark_snapshots");
        builder.Ignore(s => s.ScorePercent);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.SchoolId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_benchmark_snapshots_school");
        builder.HasIndex(s => new { s.SchoolId, s.TakenOn, s.Benchmark }).IsUnique().HasDatabaseName("ux_benchmark_snapshots_school_date");
    }
}

public class DestinationSharingConsentMapping : IEntityTypeConfiguration<DestinationSharingConsent>
{
    public void Configure(EntityTypeBuilder<DestinationSharingConsent> builder)
    {
        builder.ToTable("destination_sharing_consents");
        builder.HasKey(c => c.YoungPersonId);
        builder.HasOne<YoungPerson>().WithMany().HasForeignKey(c => c.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_destination_sharing_consents_young_person");
    }
}
