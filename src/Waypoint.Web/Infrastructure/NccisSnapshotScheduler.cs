using Waypoint.Core.Access;
using Waypoint.Core.Nccis.Reports;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Takes each LA's month-end snapshot once the month is over (<c>Nccis:Reports:SnapshotAfterDays</c>), checking every
/// <c>Nccis:Reports:SnapshotScanMinutes</c> (0 turns it off), so the measures of every month stay reportable as they stood.
/// </summary>
public sealed class NccisSnapshotScheduler(IServiceScopeFactory scopes, NccisReportOptions options, TimeProvider clock, ILogger<NccisSnapshotScheduler> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override int IntervalMinutes => options.SnapshotScanMinutes;

    protected override string Name => "The month-end NCCIS snapshot";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var snapshot in await services.GetRequiredService<NccisSnapshotService>().TakeDueAsync(Actor.System("month-end snapshot schedule"), cancellationToken))
        {
            Logger.LogInformation("Took the NCCIS snapshot of LA {LaCode} for {PeriodEnd}: {Rows} young people", snapshot.LaCode, snapshot.PeriodEnd, snapshot.Rows);
        }
    }
}
