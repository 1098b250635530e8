namespace Waypoint.Core.Users;

public enum WaypointRole
{
    LaAdministrator,
    TrackingOfficer,
    PersonalAdviser,
    CareersLeader,
    SchoolStaff,
    ProviderStaff,
    YoungPerson,
    ParentOrCarer,
}

public static class WaypointRoles
{
    public static bool IsStaff(this WaypointRole role) => role is not (WaypointRole.YoungPerson or WaypointRole.ParentOrCarer);

    /// <summary>Roles whose access covers the whole LA area rather than one establishment.</summary>
    public static bool IsLaWide(this WaypointRole role) =>
        role is WaypointRole.LaAdministrator or WaypointRole.TrackingOfficer or WaypointRole.PersonalAdviser;

    /// <summary>The LA's data team: they load files, settle matches and merge duplicates across the register.</summary>
    public static bool IsDataTeam(this WaypointRole role) => role is WaypointRole.LaAdministrator or WaypointRole.TrackingOfficer;

    public static bool IsEstablishmentStaff(this WaypointRole role) =>
        role is WaypointRole.CareersLeader or WaypointRole.SchoolStaff or WaypointRole.ProviderStaff;

    public static string DisplayName(this WaypointRole role) => role switch
    {
        WaypointRole.LaAdministrator => "LA administrator",
        WaypointRole.TrackingOfficer => "Tracking officer",
        WaypointRole.PersonalAdviser => "Personal adviser",
        WaypointRole.CareersLeader => "Careers Leader",
        WaypointRole.SchoolStaff => "School staff",
        WaypointRole.ProviderStaff => "Learning provider staff",
        WaypointRole.YoungPerson => "Young person",
        WaypointRole.ParentOrCarer => "Parent or carer",
        _ => role.ToString(),
    };

    /// <summary>Which kinds of organisation a member of staff in this role can belong to.</summary>
    public static IReadOnlyList<Organisations.OrganisationKind> AllowedOrganisationKinds(this WaypointRole role) => role switch
    {
        WaypointRole.LaAdministrator or WaypointRole.TrackingOfficer => [Organisations.OrganisationKind.LocalAuthority],
        WaypointRole.PersonalAdviser => [Organisations.OrganisationKind.LocalAuthority, Organisations.OrganisationKind.CareersGuidanceProvider],
        WaypointRole.CareersLeader or WaypointRole.SchoolStaff => [Organisations.OrganisationKind.SchoolOrCollege],
        WaypointRole.ProviderStaff => [Organisations.OrganisationKind.LearningProvider, Organisations.OrganisationKind.SchoolOrCollege],
        _ => [],
    };

    public static bool TryParse(string value, out WaypointRole role)
    {
        var normalised = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse(normalised, ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
