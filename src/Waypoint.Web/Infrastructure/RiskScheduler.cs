using Waypoint.Core.Access;
using Waypoint.Core.Risk;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Keeps risk of NEET scores current: every <c>Risk:ScanMinutes</c> (default 30; 0 turns it off) it recomputes each LA
/// whose scores are missing this term, older than its latest import (new data arrived) or older than
/// <c>Risk:RecomputeDays</c> (default 7, the schedule).
/// </summary>
public sealed class RiskScheduler(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RiskScheduler> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override int IntervalMinutes => configuration.GetValue("Risk:ScanMinutes", 30);

    protected override string Name => "Recomputing risk of NEET scores";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var maxAge = TimeSpan.FromDays(configuration.GetValue("Risk:RecomputeDays", 7));
        foreach (var r in await services.GetRequiredService<RiskService>().RecomputeDueAsync(Actor.System("risk of NEET schedule"), maxAge, cancellationToken))
        {
            Logger.LogInformation("Recomputed risk of NEET scores of LA {LaCode}: {Pupils} pupils", r.LaCode, r.Scored);
        }
    }
}
