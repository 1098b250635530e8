using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Users;

namespace Waypoint.Core.Data.Mappings;

public class UserMapping : IEntityTypeConfiguration<WaypointUser>
{
    public void Configure(EntityTypeBuilder<WaypointUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(40);
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_users_organisation");
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(u => u.YoungPersonId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_users_young_person");
        builder.HasIndex(u => u.OrganisationId).HasDatabaseName("ix_users_organisation_id");
        builder.HasIndex(u => u.YoungPersonId).HasDatabaseName("ix_users_young_person_id");
    }
}

public class ParentLinkMapping : IEntityTypeConfiguration<ParentLink>
{
    public void Configure(EntityTypeBuilder<ParentLink> builder)
    {
        builder.ToTable("parent_links");
        builder.Property(p => p.Relationship).HasMaxLength(60);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(p => p.ParentUserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_parent_links_user");
        builder.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(p => p.YoungPersonId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_parent_links_young_person");
        builder.HasIndex(p => new { p.ParentUserId, p.YoungPersonId }).IsUnique().HasDatabaseName("ux_parent_links_parent_young_person");
    }
}
