using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Email;

namespace Waypoint.Core.Prospectus;

/// <summary>
/// Reminds young people of the application deadlines of the courses they saved: one email per saved course, sent
/// once the deadline is <see cref="ProspectusOptions.DeadlineReminderDays"/> days away or nearer (and not passed),
/// unless they have applied for it. The web app runs it on a schedule.
/// </summary>
public class DeadlineReminders(WaypointDbContext db, IEmailSender email, AuditTrail audit, TimeProvider clock, ProspectusOptions options)
{
    public async Task<int> SendDueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = today.AddDays(options.DeadlineReminderDays);
        var due = await (from s in db.SavedCourses
                         join c in db.Courses on s.CourseId equals c.Id
                         join o in db.Organisations on c.ProviderId equals o.Id
                         join p in db.YoungPeople on s.YoungPersonId equals p.Id
                         where s.ReminderSentAt == null && c.IsPublished && c.ApplicationDeadline != null
                             && c.ApplicationDeadline >= today && c.ApplicationDeadline <= horizon
                             && !db.CourseApplications.Any(a => a.YoungPersonId == s.YoungPersonId && a.CourseId == s.CourseId)
                         select new
                         {
                             Saved = s,
                             c.Title,
                             Deadline = c.ApplicationDeadline!.Value,
                             Provider = o.Name,
                             To = db.ApplicantProfiles.Where(a => a.YoungPersonId == p.Id).Select(a => a.Email).FirstOrDefault() ?? p.Email,
                         }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var reminder in due)
        {
            // Recorded as reminded even without an address, so a young person who adds one later is not sent a stale one.
            reminder.Saved.ReminderSentAt = now;
            if (string.IsNullOrWhiteSpace(reminder.To))
            {
                continue;
            }

            var days = reminder.Deadline.DayNumber - today.DayNumber;
            var when = days switch { 0 => "today", 1 => "tomorrow", _ => $"in {days} days, on {reminder.Deadline:d MMMM yyyy}" };
            await email.SendAsync(new EmailMessage(reminder.To, $"Apply by {reminder.Deadline:d MMMM}: {reminder.Title}",
                $"You saved {reminder.Title} at {reminder.Provider}. Applications close {when}. You can apply in Waypoint under Your applications, saved courses.",
                $"deadline-{reminder.Saved.Id}"), cancellationToken);
            sent++;
        }

        if (due.Count > 0)
        {
            audit.Add(actor, AuditActions.DeadlineRemindersSent, entityType: "SavedCourse", details: new { reminders = due.Count, emailed = sent, horizon });
            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }
}
