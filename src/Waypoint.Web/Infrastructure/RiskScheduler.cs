using Waypoint.Core.Access;
using Waypoint.Core.Risk;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Keeps risk of NEET scores current: every <c>Risk:ScanMinutes</c> (default 30; 0 turns it off) it recomputes each LA
/// whose scores are missing this term, older than its latest import (new data arrived) or older than
/// <c>Risk:RecomputeDays</c> (default 7, the schedule).
/// </summary>
public sealed class RiskScheduler(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RiskScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Risk:ScanMinutes", 30);
        var maxAge = TimeSpan.FromDays(configuration.GetValue("Risk:RecomputeDays", 7));
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var results = await scope.ServiceProvider.GetRequiredService<RiskService>()
                    .RecomputeDueAsync(Actor.System("risk of NEET schedule"), maxAge, stoppingToken);
                foreach (var r in results)
                {
                    logger.LogInformation("Recomputed risk of NEET scores of LA {LaCode}: {Pupils} pupils", r.LaCode, r.Scored);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; the app must keep serving pages meanwhile.
                logger.LogError(ex, "Recomputing risk of NEET scores failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
