using Microsoft.AspNetCore.Identity;
using Waypoint.Core.Organisations;

namespace Waypoint.Core.Users;

public class WaypointUser : IdentityUser<Guid>
{
    public WaypointUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }
    public WaypointRole Role { get; set; }

    /// <summary>The staff member's employer. Null for young people and parents.</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>For the young person role: the record this account belongs to.</summary>
    public Guid? YoungPersonId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public bool IsDisabled { get; set; }
}

/// <summary>
/// A parent or carer's link to a young person. The link exists before consent; what the parent may see
/// depends on <see cref="ConsentGiven"/>, which the young person controls.
/// </summary>
public class ParentLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ParentUserId { get; set; }
    public Guid YoungPersonId { get; set; }
    public required string Relationship { get; set; }
    public bool ConsentGiven { get; set; }
    public DateTime? ConsentRecordedAt { get; set; }
}
