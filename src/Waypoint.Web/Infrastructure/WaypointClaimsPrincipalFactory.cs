using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Users;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Puts what authorisation needs into the sign-in cookie: the role, the organisation and its LA code,
/// and the young person an account belongs to, so no request has to look them up again.
/// </summary>
public class WaypointClaimsPrincipalFactory(
    UserManager<WaypointUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    WaypointDbContext db)
    : UserClaimsPrincipalFactory<WaypointUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "waypoint:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WaypointUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.OrganisationId is { } organisationId)
        {
            var laCode = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.LaCode).SingleAsync();
            identity.AddClaim(new Claim(Actor.OrganisationClaim, organisationId.ToString()));
            identity.AddClaim(new Claim(Actor.LaCodeClaim, laCode));
        }

        if (user.YoungPersonId is { } youngPersonId)
        {
            identity.AddClaim(new Claim(Actor.YoungPersonClaim, youngPersonId.ToString()));
        }

        return identity;
    }
}
