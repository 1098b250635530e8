using Waypoint.Core.Access;
using Waypoint.Core.Nccis.Reports;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Takes each LA's month-end snapshot once the month is over (<c>Nccis:Reports:SnapshotAfterDays</c>), checking every
/// <c>Nccis:Reports:SnapshotScanMinutes</c> (0 turns it off), so the measures of every month stay reportable as they stood.
/// </summary>
public sealed class NccisSnapshotScheduler(IServiceScopeFactory scopes, NccisReportOptions options, TimeProvider clock, ILogger<NccisSnapshotScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SnapshotScanMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.SnapshotScanMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var taken = await scope.ServiceProvider.GetRequiredService<NccisSnapshotService>()
                    .TakeDueAsync(Actor.System("month-end snapshot schedule"), stoppingToken);
                foreach (var snapshot in taken)
                {
                    logger.LogInformation("Took the NCCIS snapshot of LA {LaCode} for {PeriodEnd}: {Rows} young people", snapshot.LaCode, snapshot.PeriodEnd, snapshot.Rows);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; the app must keep serving pages meanwhile.
                logger.LogError(ex, "The month-end NCCIS snapshot failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
