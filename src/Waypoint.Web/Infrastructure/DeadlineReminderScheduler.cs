using Waypoint.Core.Access;
using Waypoint.Core.Prospectus;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Sends young people the application deadline reminders of the courses they saved, checking every
/// <c>Prospectus:ReminderScanMinutes</c> (0 turns it off). Each saved course is reminded of once.
/// </summary>
public sealed class DeadlineReminderScheduler(IServiceScopeFactory scopes, ProspectusOptions options, TimeProvider clock, ILogger<DeadlineReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ReminderScanMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.ReminderScanMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().SendDueAsync(Actor.System("deadline reminder schedule"), stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Reminders} application deadline reminders", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The deadline reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
