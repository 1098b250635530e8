using System.Security.Claims;
using Waypoint.Core.Users;

namespace Waypoint.Core.Access;

/// <summary>
/// Who is acting, passed to every audited operation: a signed-in user, or the system itself (CLI, jobs).
/// </summary>
public sealed record Actor(
    Guid? UserId,
    string Name,
    WaypointRole? Role,
    Guid? OrganisationId,
    string? LaCode,
    Guid? YoungPersonId,
    string? IpAddress = null,
    string? CorrelationId = null)
{
    public const string OrganisationClaim = "waypoint:org";
    public const string LaCodeClaim = "waypoint:la";
    public const string YoungPersonClaim = "waypoint:yp";

    public static Actor System(string name) => new(null, name, null, null, null, null);

    /// <summary>This request acting as the given account: once sign-in or a reset link has identified who it is.</summary>
    public Actor AsAccount(WaypointUser user) =>
        this with { UserId = user.Id, Name = user.Email ?? Name, Role = user.Role, OrganisationId = user.OrganisationId };

    public bool IsSystem => UserId is null;

    public static Actor FromPrincipal(ClaimsPrincipal principal, string? ipAddress = null, string? correlationId = null)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return new Actor(null, "anonymous", null, null, null, null, ipAddress, correlationId);
        }

        static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var g) ? g : null;
        var roleText = principal.FindFirstValue(ClaimTypes.Role);
        WaypointRole? role = roleText is not null && Enum.TryParse<WaypointRole>(roleText, out var r) ? r : null;
        return new Actor(
            ParseGuid(principal.FindFirstValue(ClaimTypes.NameIdentifier)),
            principal.FindFirstValue(ClaimTypes.Name) ?? "unknown",
            role,
            ParseGuid(principal.FindFirstValue(OrganisationClaim)),
            principal.FindFirstValue(LaCodeClaim),
            ParseGuid(principal.FindFirstValue(YoungPersonClaim)),
            ipAddress,
            correlationId);
    }
}
