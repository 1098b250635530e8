namespace Waypoint.Core.Prospectus;

/// <summary>
/// A course a young person saved to apply for later. Its application deadline is what the deadline reminder is about:
/// one email <see cref="ProspectusOptions.DeadlineReminderDays"/> before it, unless they have applied by then.
/// </summary>
public class SavedCourse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid YoungPersonId { get; set; }
    public Guid CourseId { get; set; }
    public DateTime SavedAt { get; set; }

    /// <summary>When the deadline reminder went; null until then, so it goes once.</summary>
    public DateTime? ReminderSentAt { get; set; }
}
