using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Nccis.Reports;

namespace Waypoint.Core.Data.Mappings;

public class NccisSnapshotMapping : IEntityTypeConfiguration<NccisSnapshot>
{
    public void Configure(EntityTypeBuilder<NccisSnapshot> builder)
    {
        builder.ToTable("nccis_snapshots");
        builder.Property(s => s.LaCode).HasMaxLength(3);
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(s => s.TakenByUserId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_nccis_snapshots_user");

        // One snapshot per LA and month end: a retake replaces it.
        builder.HasIndex(s => new { s.LaCode, s.PeriodEnd }).IsUnique().HasDatabaseName("ux_nccis_snapshots_la_period");
        builder.HasMany(s => s.Rows).WithOne().HasForeignKey(r => r.SnapshotId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_nccis_snapshot_rows_snapshot");
    }
}

public class NccisSnapshotRowMapping : IEntityTypeConfiguration<NccisSnapshotRow>
{
    public void Configure(EntityTypeBuilder<NccisSnapshotRow> builder)
    {
        builder.ToTable("nccis_snapshot_rows");
        builder.Property(r => r.CohortStatus).HasConversion<string>().HasMaxLength(1);
        builder.Property(r => r.Gender).HasConversion<string>().HasMaxLength(1);
        builder.Property(r => r.ActivityCode).HasMaxLength(3);
        builder.Property(r => r.EthnicityCode).HasMaxLength(4);
        builder.Property(r => r.CharacteristicCodes).HasMaxLength(64);
        builder.Property(r => r.PostcodeDistrict).HasMaxLength(4);
        builder.Property(r => r.GuaranteeYear11Code).HasMaxLength(3).HasColumnName("guarantee_year11_code");
        builder.Property(r => r.GuaranteeYear12Code).HasMaxLength(3).HasColumnName("guarantee_year12_code");
        builder.Ignore(r => r.Characteristics);

        // No foreign key to the young person: a snapshot is a statement of what was reported and outlives a merge or erasure.
        builder.HasIndex(r => new { r.SnapshotId, r.YoungPersonId }).IsUnique().HasDatabaseName("ux_nccis_snapshot_rows_person");
    }
}
