namespace Waypoint.Core.Careers;

/// <summary>Settings of the careers programme work (section <c>Careers</c>).</summary>
public sealed class CareersOptions
{
    /// <summary>
    /// Minutes between the web app's checks for benchmark snapshots that are due (31 December, 31 March, 31 July);
    /// 0 turns the schedule off (<c>waypoint careers snapshot</c> still takes them).
    /// </summary>
    public int SnapshotScanMinutes { get; set; } = 60;
}
