namespace Waypoint.Core.Tracking;

/// <summary>The <c>Tracking</c> configuration section.</summary>
public sealed class TrackingOptions
{
    /// <summary>Working days an adviser has to follow up a young person who has become NEET or not known (guidance: act within days).</summary>
    public int FollowUpWorkingDays { get; set; } = 5;

    /// <summary>How often the web app opens follow-ups for activities that have lapsed; 0 turns the schedule off.</summary>
    public int FollowUpScanMinutes { get; set; } = 60;

    /// <summary>Days ahead the "due to lapse" work list looks.</summary>
    public int DueToLapseWithinDays { get; set; } = 30;

    /// <summary>Days ahead the "review dates due" work list looks.</summary>
    public int ReviewDueWithinDays { get; set; } = 14;

    /// <summary>
    /// The 3-digit NCCIS database ID that prefixes local IDs in YoungPersonsID. By default the LA's own code; an LA whose
    /// previous supplier used another number should set it so IDs stay the same.
    /// </summary>
    public string? NccisDatabaseId { get; set; }

    /// <summary>Bank holidays skipped when counting working days. Defaults: England and Wales, 2025 to 2027.</summary>
    public List<DateOnly> BankHolidays { get; set; } =
    [
        new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26),
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28),
    ];
}

public static class WorkingDays
{
    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/>, skipping weekends and bank holidays.</summary>
    public static DateOnly Add(DateOnly from, int days, IReadOnlyCollection<DateOnly> bankHolidays)
    {
        var date = from;
        var added = 0;
        while (added < days)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !bankHolidays.Contains(date))
            {
                added++;
            }
        }

        return date;
    }
}
