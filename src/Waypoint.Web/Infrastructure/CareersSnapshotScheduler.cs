using Waypoint.Core.Access;
using Waypoint.Core.Careers;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Takes each LA's Gatsby Benchmark snapshots once their date has passed (31 December, 31 March, 31 July), checking
/// every <c>Careers:SnapshotScanMinutes</c> (0 turns it off), so every school's history over time builds itself.
/// </summary>
public sealed class CareersSnapshotScheduler(IServiceScopeFactory scopes, CareersOptions options, TimeProvider clock, ILogger<CareersSnapshotScheduler> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override int IntervalMinutes => options.SnapshotScanMinutes;

    protected override string Name => "The benchmark snapshot";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var (laCode, schools) in await services.GetRequiredService<BenchmarkAssessment>().TakeDueAsync(Actor.System("benchmark snapshot schedule"), cancellationToken))
        {
            Logger.LogInformation("Took the benchmark snapshots of LA {LaCode}: {Schools} school snapshots", laCode, schools);
        }
    }
}
