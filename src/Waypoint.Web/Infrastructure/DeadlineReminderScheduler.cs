using Waypoint.Core.Access;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Sends young people the application deadline reminders of the courses they saved, checking every
/// <c>Prospectus:ReminderScanMinutes</c> (0 turns it off). Each saved course is reminded of once.
/// </summary>
public sealed class DeadlineReminderScheduler(IServiceScopeFactory scopes, ProspectusOptions options, TimeProvider clock, ILogger<DeadlineReminderScheduler> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override int IntervalMinutes => options.ReminderScanMinutes;

    protected override string Name => "The deadline reminders";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<DeadlineReminders>().SendDueAsync(Actor.System("deadline reminder schedule"), cancellationToken);
        if (sent > 0)
        {
            Logger.LogInformation("Sent {Reminders} application deadline reminders", sent);
        }
    }
}
