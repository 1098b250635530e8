using System.Security.Claims;
using Waypoint.Core.Users;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Staff who signed in without a second factor, where one is required, can only reach the pages that set it
/// up or sign them out. The check is here rather than on each page so no page can forget it.
/// </summary>
public sealed class StaffTwoFactorMiddleware(RequestDelegate next, WaypointSettings settings)
{
    public const string SetUpPath = "/account/two-factor/set-up";

    public Task InvokeAsync(HttpContext context)
    {
        if (settings.RequireStaffTwoFactor == true
            && context.User.Identity?.IsAuthenticated == true
            && IsStaff(context.User)
            && !context.User.HasClaim("amr", "mfa")
            && !context.User.HasClaim("amr", "external")
            && !IsAllowedWithoutSecondFactor(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            context.Response.Redirect(SetUpPath);
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsStaff(ClaimsPrincipal user) =>
        Enum.TryParse<WaypointRole>(user.FindFirstValue(ClaimTypes.Role), out var role) && role.IsStaff();

    private static bool IsAllowedWithoutSecondFactor(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/errors") || path.StartsWithSegments("/assets")
        || path.StartsWithSegments("/govuk") || path.StartsWithSegments("/css") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/cookies") || path.StartsWithSegments("/privacy") || path.StartsWithSegments("/accessibility");
}
