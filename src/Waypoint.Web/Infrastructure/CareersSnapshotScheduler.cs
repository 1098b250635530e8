using Waypoint.Core.Access;
using Waypoint.Core.Careers;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Takes each LA's Gatsby Benchmark snapshots once their date has passed (31 December, 31 March, 31 July), checking
/// every <c>Careers:SnapshotScanMinutes</c> (0 turns it off), so every school's history over time builds itself.
/// </summary>
public sealed class CareersSnapshotScheduler(IServiceScopeFactory scopes, CareersOptions options, TimeProvider clock, ILogger<CareersSnapshotScheduler> logger) : BackgroundService
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
                var taken = await scope.ServiceProvider.GetRequiredService<BenchmarkAssessment>()
                    .TakeDueAsync(Actor.System("benchmark snapshot schedule"), stoppingToken);
                foreach (var (laCode, schools) in taken)
                {
                    logger.LogInformation("Took the benchmark snapshots of LA {LaCode}: {Schools} school snapshots", laCode, schools);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; the app must keep serving pages meanwhile.
                logger.LogError(ex, "The benchmark snapshot failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
