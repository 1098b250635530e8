using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Prospectus;

namespace Waypoint.Core.Data.Mappings;

public class CourseMapping : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("courses");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.QualificationType).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.StudyMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SubjectArea).HasMaxLength(100);
        builder.Property(c => c.EntryRequirements).HasMaxLength(2000);
        builder.Property(c => c.Venue).HasMaxLength(200);
        builder.Property(c => c.VenuePostcode).HasMaxLength(10);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.ProviderId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_courses_provider");
        builder.HasIndex(c => c.ProviderId).HasDatabaseName("ix_courses_provider");
        builder.HasIndex(c => c.UpdatedAt).HasDatabaseName("ix_courses_updated_at");
    }
}

public class CourseApplicationMapping : IEntityTypeConfiguration<CourseApplication>
{
    public void Configure(EntityTypeBuilder<CourseApplication> builder)
    {
        builder.ToTable("course_applications");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.PersonalStatement).HasMaxLength(4000);
        builder.Property(a => a.OfferConditions).HasMaxLength(1000);
        builder.Property(a => a.ProviderNote).HasMaxLength(1000);
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(a => a.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_course_applications_young_person");
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_course_applications_course");
        builder.HasIndex(a => new { a.YoungPersonId, a.CourseId }).IsUnique().HasDatabaseName("ux_course_applications_person_course");
        builder.HasIndex(a => new { a.ProviderId, a.Status }).HasDatabaseName("ix_course_applications_provider");
        builder.HasIndex(a => a.CourseId).HasDatabaseName("ix_course_applications_course");
    }
}

public class ApplicantProfileMapping : IEntityTypeConfiguration<ApplicantProfile>
{
    public void Configure(EntityTypeBuilder<ApplicantProfile> builder)
    {
        builder.ToTable("applicant_profiles");
        builder.HasKey(p => p.YoungPersonId);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Qualifications).HasMaxLength(2000);
        builder.Property(p => p.Interests).HasMaxLength(2000);
        builder.Property(p => p.SupportNeeds).HasMaxLength(2000);
        builder.Property(p => p.RefereeName).HasMaxLength(200);
        builder.Property(p => p.RefereeEmail).HasMaxLength(254);
        builder.HasOne<YoungPeople.YoungPerson>().WithOne().HasForeignKey<ApplicantProfile>(p => p.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_applicant_profiles_young_person");
    }
}

public class SavedCourseMapping : IEntityTypeConfiguration<SavedCourse>
{
    public void Configure(EntityTypeBuilder<SavedCourse> builder)
    {
        builder.ToTable("saved_courses");
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(s => s.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_saved_courses_young_person");
        builder.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_saved_courses_course");
        builder.HasIndex(s => new { s.YoungPersonId, s.CourseId }).IsUnique().HasDatabaseName("ux_saved_courses_person_course");
        builder.HasIndex(s => new { s.CourseId, s.ReminderSentAt }).HasDatabaseName("ix_saved_courses_course_reminder");
    }
}
