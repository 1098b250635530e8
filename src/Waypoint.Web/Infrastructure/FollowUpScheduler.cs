using Waypoint.Core.Access;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Currency lapses with the passing of time, not with anyone's action, so a schedule opens the follow-ups for
/// activities that have lapsed into "not known", and for young people approaching 18 (the Jobcentre Plus conversation). Every <c>Tracking:FollowUpScanMinutes</c> (0 turns it off).
/// </summary>
public sealed class FollowUpScheduler(IServiceScopeFactory scopes, TrackingOptions options, TimeProvider clock, ILogger<FollowUpScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.FollowUpScanMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.FollowUpScanMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var created = await scope.ServiceProvider.GetRequiredService<ParticipationService>()
                    .CreateLapsedFollowUpsAsync(Actor.System("follow-up schedule"), stoppingToken);
                if (created > 0)
                {
                    logger.LogInformation("Opened {Count} follow-ups for activities that have lapsed", created);
                }

                var turning18 = await scope.ServiceProvider.GetRequiredService<Core.Casework.CaseworkService>()
                    .CreateDateRuleTasksAsync(Actor.System("follow-up schedule"), stoppingToken);
                if (turning18 > 0)
                {
                    logger.LogInformation("Opened {Count} follow-ups for young people approaching 18", turning18);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed scan is retried at the next tick; the app must keep serving pages meanwhile.
                logger.LogError(ex, "The lapsed-activity follow-up scan failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
