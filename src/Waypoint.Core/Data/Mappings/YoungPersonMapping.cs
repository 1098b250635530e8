using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Data.Mappings;

public class YoungPersonMapping : IEntityTypeConfiguration<YoungPerson>
{
    public void Configure(EntityTypeBuilder<YoungPerson> builder)
    {
        builder.ToTable("young_people");
        builder.Property(p => p.LocalId).HasMaxLength(10);
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.MiddleNames).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.PreferredGivenName).HasMaxLength(100);
        builder.Property(p => p.PreferredFamilyName).HasMaxLength(100);
        builder.Property(p => p.SearchName).HasMaxLength(250);
        builder.Property(p => p.Gender).HasConversion<string>().HasMaxLength(1);
        builder.Property(p => p.EthnicityCode).HasMaxLength(4);
        builder.Property(p => p.Postcode).HasMaxLength(8);
        builder.Property(p => p.Upn).HasMaxLength(13);
        builder.Property(p => p.FormerUpn).HasMaxLength(13);
        builder.Property(p => p.Uln).HasMaxLength(10);
        builder.Property(p => p.LeadLaCode).HasMaxLength(3);
        builder.Property(p => p.EducatedLaCode).HasMaxLength(3);
        builder.Property(p => p.LaCodeAtYear11).HasMaxLength(3);
        builder.Property(p => p.CohortStatus).HasConversion<string>().HasMaxLength(1);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.CohortStatusReason).HasMaxLength(500);
        builder.Property(p => p.TransferredToLaCode).HasMaxLength(3);
        builder.Property(p => p.PreviousYoungPersonsId).HasMaxLength(13);
        builder.Property(p => p.IntendedDestinationCode).HasMaxLength(3);
        builder.Property(p => p.PostcodeDistrict).HasMaxLength(4);
        builder.Property(p => p.CurrentActivityCode).HasMaxLength(3);
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(p => p.AdviserUserId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_young_people_adviser");
        builder.HasMany(p => p.SeptemberGuarantee).WithOne().HasForeignKey(o => o.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_sg_offers_young_person");
        builder.HasMany(p => p.CohortStatusChanges).WithOne().HasForeignKey(c => c.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_cohort_status_changes_young_person");
        builder.Ignore(p => p.DisplayName);

        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_young_people_school");
        builder.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_activities_young_person");
        builder.HasMany(p => p.Characteristics).WithOne().HasForeignKey(c => c.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_characteristics_young_person");
        builder.HasOne(p => p.Census).WithOne().HasForeignKey<PupilCensusData>(c => c.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_pupil_census_young_person");

        builder.HasIndex(p => new { p.LeadLaCode, p.LocalId }).IsUnique().HasDatabaseName("ux_young_people_lead_la_local_id");
        builder.HasIndex(p => p.Upn).HasDatabaseName("ix_young_people_upn");
        builder.HasIndex(p => p.Uln).HasDatabaseName("ix_young_people_uln");
        builder.HasIndex(p => new { p.SchoolId, p.DateOfBirth }).HasDatabaseName("ix_young_people_school_dob");
        builder.HasIndex(p => new { p.LeadLaCode, p.SearchName }).HasDatabaseName("ix_young_people_lead_la_search_name");
        builder.HasIndex(p => new { p.LeadLaCode, p.DateOfBirth }).HasDatabaseName("ix_young_people_lead_la_dob");
        builder.HasIndex(p => p.Postcode).HasDatabaseName("ix_young_people_postcode");

        // Work lists: each filters on the lead LA and one current-activity column.
        builder.HasIndex(p => new { p.LeadLaCode, p.CurrentActivityCode, p.FamilyName }).HasDatabaseName("ix_young_people_work_current_code");
        builder.HasIndex(p => new { p.LeadLaCode, p.CurrentDueToLapse }).HasDatabaseName("ix_young_people_work_due_to_lapse");
        builder.HasIndex(p => new { p.LeadLaCode, p.CurrentReviewDate }).HasDatabaseName("ix_young_people_work_review");
        builder.HasIndex(p => new { p.LeadLaCode, p.AdviserUserId }).HasDatabaseName("ix_young_people_adviser");
        builder.HasIndex(p => new { p.LeadLaCode, p.PostcodeDistrict }).HasDatabaseName("ix_young_people_postcode_district");
        builder.HasIndex(p => new { p.LeadLaCode, p.FamilyName, p.GivenName }).HasDatabaseName("ix_young_people_lead_la_name");
    }
}

public class ActivityMapping : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.Property(a => a.Code).HasMaxLength(3);
        builder.Property(a => a.EstablishmentNumber).HasMaxLength(7);
        builder.Property(a => a.EstablishmentName).HasMaxLength(200);
        builder.Property(a => a.Ukprn).HasMaxLength(8);
        builder.Property(a => a.Source).HasMaxLength(60);
        builder.HasIndex(a => new { a.YoungPersonId, a.StartDate }).HasDatabaseName("ix_activities_young_person_start");
        // A school's leavers are found by the establishment of their Year 11 activity (see Careers.DestinationsService).
        builder.HasIndex(a => new { a.EstablishmentNumber, a.Code }).HasDatabaseName("ix_activities_establishment_code");
    }
}

public class SeptemberGuaranteeOfferMapping : IEntityTypeConfiguration<SeptemberGuaranteeOffer>
{
    public void Configure(EntityTypeBuilder<SeptemberGuaranteeOffer> builder)
    {
        builder.ToTable("september_guarantee_offers");
        builder.Property(o => o.StatusCode).HasMaxLength(3);
        builder.Property(o => o.LaCode).HasMaxLength(3);
        builder.Property(o => o.ProviderName).HasMaxLength(200);
        builder.HasIndex(o => new { o.YoungPersonId, o.AcademicYear, o.YearGroup }).IsUnique().HasDatabaseName("ux_sg_offers_person_year");
    }
}

public class CohortStatusChangeMapping : IEntityTypeConfiguration<CohortStatusChange>
{
    public void Configure(EntityTypeBuilder<CohortStatusChange> builder)
    {
        builder.ToTable("cohort_status_changes");
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(1);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(1);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.TransferredToLaCode).HasMaxLength(3);
        builder.HasIndex(c => new { c.YoungPersonId, c.RecordedAt }).HasDatabaseName("ix_cohort_status_changes_person");
    }
}

public class CharacteristicMapping : IEntityTypeConfiguration<Characteristic>
{
    public void Configure(EntityTypeBuilder<Characteristic> builder)
    {
        builder.ToTable("characteristics");
        builder.Property(c => c.Code).HasMaxLength(3);
        builder.HasIndex(c => new { c.YoungPersonId, c.Code }).HasDatabaseName("ix_characteristics_young_person_code");
    }
}

public class PupilCensusMapping : IEntityTypeConfiguration<PupilCensusData>
{
    public void Configure(EntityTypeBuilder<PupilCensusData> builder)
    {
        builder.ToTable("pupil_census");
        builder.HasKey(c => c.YoungPersonId);
        builder.Property(c => c.AttendancePercent).HasPrecision(5, 2);
        builder.Ignore(c => c.PersistentlyAbsent);
    }
}
