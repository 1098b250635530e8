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
