using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Imports;

namespace Waypoint.Core.Data.Mappings;

public class DataImportMapping : IEntityTypeConfiguration<DataImport>
{
    public void Configure(EntityTypeBuilder<DataImport> builder)
    {
        builder.ToTable("data_imports");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.FileSha256).HasMaxLength(64);
        builder.Property(i => i.LaCode).HasMaxLength(3);
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(i => i.CreatedByUserId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_data_imports_user");
        builder.HasIndex(i => new { i.LaCode, i.CreatedAt }).HasDatabaseName("ix_data_imports_la_created");
        builder.HasIndex(i => i.FileSha256).HasDatabaseName("ix_data_imports_sha256");
    }
}

public class DataImportChangeMapping : IEntityTypeConfiguration<DataImportChange>
{
    public void Configure(EntityTypeBuilder<DataImportChange> builder)
    {
        builder.ToTable("data_import_changes");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<DataImport>().WithMany().HasForeignKey(c => c.ImportId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_data_import_changes_import");

        // No foreign key to the young person: a reverted import deletes the records it created, and the change row
        // stays as the account of what happened.
        builder.HasIndex(c => c.ImportId).HasDatabaseName("ix_data_import_changes_import");
        builder.HasIndex(c => c.YoungPersonId).HasDatabaseName("ix_data_import_changes_young_person");
    }
}

public class MatchReviewMapping : IEntityTypeConfiguration<MatchReview>
{
    public void Configure(EntityTypeBuilder<MatchReview> builder)
    {
        builder.ToTable("match_reviews");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LaCode).HasMaxLength(3);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.HasOne<DataImport>().WithMany().HasForeignKey(r => r.ImportId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_match_reviews_import");
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(r => r.CandidateYoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_match_reviews_candidate");
        builder.HasIndex(r => new { r.LaCode, r.Status }).HasDatabaseName("ix_match_reviews_la_status");
    }
}
