using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Organisations;

namespace Waypoint.Core.Data.Mappings;

public class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.LaCode).HasMaxLength(3);
        builder.Property(o => o.Urn).HasMaxLength(6);
        builder.Property(o => o.EstablishmentNumber).HasMaxLength(4);
        builder.Property(o => o.Ukprn).HasMaxLength(8);
        builder.Property(o => o.Postcode).HasMaxLength(8);
        builder.Ignore(o => o.LaEstab);
        builder.HasIndex(o => o.LaCode).HasDatabaseName("ix_organisations_la_code");
        builder.HasIndex(o => o.Urn).IsUnique().HasDatabaseName("ux_organisations_urn");
        builder.HasIndex(o => o.Ukprn).HasDatabaseName("ix_organisations_ukprn");
    }
}
