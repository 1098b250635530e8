using Waypoint.Core.Users;

namespace Waypoint.Core.Casework;

/// <summary>The <c>Casework</c> configuration section.</summary>
public sealed class CaseworkOptions
{
    /// <summary>Roles that may read a sensitive note (safeguarding, health, offending); everyone else sees it masked.</summary>
    public List<WaypointRole> SensitiveNoteRoles { get; set; } = [WaypointRole.PersonalAdviser];

    /// <summary>The lowest qualification level an adviser must hold (2010 statutory guidance: NVQ level 4 or above).</summary>
    public int MinimumQualificationLevel { get; set; } = 4;

    /// <summary>Months after which an adviser's annual training-needs audit is overdue.</summary>
    public int TrainingNeedsAuditMonths { get; set; } = 12;

    /// <summary>Days before the 18th birthday when the "Jobcentre Plus conversation" task opens.</summary>
    public int Approaching18Days { get; set; } = 60;

    /// <summary>Days ahead "My day" shows as coming up.</summary>
    public int UpcomingDays { get; set; } = 14;

    /// <summary>
    /// Minutes between the web app's checks for the weekly digest, sent once each Monday from <see cref="DigestHourUtc"/>
    /// (0 turns the schedule off; <c>waypoint tasks digest</c> still sends it).
    /// </summary>
    public int DigestScanMinutes { get; set; } = 60;

    /// <summary>The hour (UTC) on Mondays from which the digest goes out.</summary>
    public int DigestHourUtc { get; set; } = 7;

    /// <summary>The address advisers open Waypoint at, for the digest's link; the schedule does not run without it.</summary>
    public Uri? SiteUrl { get; set; }
}
