using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Core.Data.Mappings;

public class NccisSubmissionMapping : IEntityTypeConfiguration<NccisSubmission>
{
    public void Configure(EntityTypeBuilder<NccisSubmission> builder)
    {
        builder.ToTable("nccis_submissions");
        builder.Property(s => s.LaCode).HasMaxLength(3);
        builder.Property(s => s.FileSha256).HasMaxLength(64);
        builder.HasOne<Users.WaypointUser>().WithMany().HasForeignKey(s => s.CreatedByUserId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_nccis_submissions_user");
        builder.HasIndex(s => new { s.LaCode, s.PeriodEnd }).HasDatabaseName("ix_nccis_submissions_la_period");
    }
}
