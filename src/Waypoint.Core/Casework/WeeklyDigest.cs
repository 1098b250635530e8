using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Email;
using Waypoint.Core.Users;

namespace Waypoint.Core.Casework;

/// <summary>
/// The Monday email to each adviser with open follow-ups: counts of overdue, due this week and later, and a link to
/// My day. It names no young person: email leaves the service's protection, the page does not.
/// </summary>
public class WeeklyDigest(WaypointDbContext db, IEmailSender email, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// The schedule's check: on or after Monday at <paramref name="hourUtc"/>, sends this week's digest unless the audit
    /// trail shows it went already (by the schedule, another server or the CLI). Returns the advisers emailed, or null
    /// when it was not due.
    /// </summary>
    public async Task<int?> SendIfDueAsync(Actor actor, Uri siteUrl, int hourUtc, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var monday = now.Date.AddDays(-(((int)now.DayOfWeek + 6) % 7));
        if (now < monday.AddHours(hourUtc)
            || await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.DigestSent && e.OccurredAt >= monday, cancellationToken))
        {
            return null;
        }

        return await SendAsync(actor, siteUrl, cancellationToken);
    }

    public async Task<int> SendAsync(Actor actor, Uri siteUrl, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var weekEnd = today.AddDays(7);
        var counts = await db.FollowUpTasks
            .Where(t => t.CompletedAt == null && t.AssignedToUserId != null)
            .GroupBy(t => t.AssignedToUserId)
            .Select(g => new { UserId = g.Key, Overdue = g.Count(t => t.DueOn < today), ThisWeek = g.Count(t => t.DueOn >= today && t.DueOn < weekEnd), Later = g.Count(t => t.DueOn >= weekEnd) })
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.UserId!.Value).ToList();
        var advisers = await db.Users.Where(u => ids.Contains(u.Id) && u.Role == WaypointRole.PersonalAdviser && u.Email != null)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var adviser in advisers)
        {
            var c = counts.Single(x => x.UserId == adviser.Id);
            var body = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Dear {adviser.DisplayName},")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Your follow-ups for the week starting {today:d MMMM yyyy}:")
                .AppendLine(CultureInfo.InvariantCulture, $"- overdue: {c.Overdue}")
                .AppendLine(CultureInfo.InvariantCulture, $"- due this week: {c.ThisWeek}")
                .AppendLine(CultureInfo.InvariantCulture, $"- due later: {c.Later}")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"See them in My day: {new Uri(siteUrl, "/adviser")}")
                .ToString();
            await email.SendAsync(new EmailMessage(adviser.Email!, $"Your week in Waypoint: {c.Overdue} overdue, {c.ThisWeek} due this week", body, $"digest-{today:yyyyMMdd}-{adviser.Id:N}"), cancellationToken);
            sent++;
        }

        await audit.RecordAsync(actor, AuditActions.DigestSent, details: new { advisers = sent, weekStarting = today }, cancellationToken: cancellationToken);
        return sent;
    }
}
