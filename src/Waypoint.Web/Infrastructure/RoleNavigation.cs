using System.Security.Claims;
using Waypoint.Core.Users;

namespace Waypoint.Web.Infrastructure;

public sealed record NavigationItem(string Text, string Href);

/// <summary>Where each role starts and what its service navigation offers.</summary>
public static class RoleNavigation
{
    public static string HomePath(WaypointRole role) => role switch
    {
        WaypointRole.LaAdministrator => "/admin",
        WaypointRole.TrackingOfficer => "/tracking",
        WaypointRole.PersonalAdviser => "/adviser",
        WaypointRole.CareersLeader or WaypointRole.SchoolStaff or WaypointRole.ProviderStaff => "/school",
        WaypointRole.YoungPerson => "/me",
        WaypointRole.ParentOrCarer => "/family",
        _ => "/",
    };

    public static WaypointRole? RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<WaypointRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static IReadOnlyList<NavigationItem> ItemsFor(ClaimsPrincipal user)
    {
        if (RoleOf(user) is not { } role)
        {
            return [new("Find a course", "/courses"), new("Sign in", "/account/sign-in")];
        }

        var items = new List<NavigationItem> { new("Home", HomePath(role)) };
        if (role.IsStaff())
        {
            items.Add(new("Young people", "/young-people"));
        }

        if (role is WaypointRole.LaAdministrator or WaypointRole.TrackingOfficer)
        {
            items.Add(new("NCCIS return", "/nccis"));
            items.Add(new("Imports", "/imports"));
        }

        if (role is WaypointRole.CareersLeader or WaypointRole.SchoolStaff)
        {
            items.Add(new("Careers", "/school/careers"));
        }

        if (role.IsLaWide())
        {
            items.Add(new("NCCIS measures", "/reports/nccis"));
            items.Add(new("Applications", "/reports/applications"));
        }

        if (role is WaypointRole.PersonalAdviser or WaypointRole.LaAdministrator)
        {
            items.Add(new("Caseloads", "/adviser/caseload"));
            items.Add(new("Adviser register", "/adviser/register"));
        }

        if (role.IsLaWide() || role is WaypointRole.CareersLeader or WaypointRole.SchoolStaff)
        {
            items.Add(new("Risk of NEET", "/risk"));
        }

        if (role == WaypointRole.LaAdministrator)
        {
            items.Add(new("Courses", "/provider/courses"));
            items.Add(new("Users", "/admin/users"));
            items.Add(new("Audit trail", "/admin/audit"));
        }

        if (role == WaypointRole.YoungPerson)
        {
            items.Add(new("Find a course", "/courses"));
            items.Add(new("Your applications", "/me/applications"));
            items.Add(new("Your careers activities", "/me/careers"));
        }

        if (role.IsEstablishmentStaff())
        {
            items.Add(new("Applications", "/provider/applications"));
            items.Add(new("Courses", "/provider/courses"));
        }

        items.Add(new("Your account", "/account"));
        items.Add(new("Sign out", "/account/sign-out"));
        return items;
    }
}
