using Waypoint.Core.Access;
using Waypoint.Core.Casework;
using Waypoint.Core.Tracking;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Currency lapses with the passing of time, not with anyone's action, so a schedule opens the follow-ups for
/// activities that have lapsed into "not known", and for young people approaching 18 (the Jobcentre Plus conversation). Every <c>Tracking:FollowUpScanMinutes</c> (0 turns it off).
/// </summary>
public sealed class FollowUpScheduler(IServiceScopeFactory scopes, TrackingOptions options, TimeProvider clock, ILogger<FollowUpScheduler> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override int IntervalMinutes => options.FollowUpScanMinutes;

    protected override string Name => "The lapsed-activity follow-up scan";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var created = await services.GetRequiredService<ParticipationService>()
            .CreateLapsedFollowUpsAsync(Actor.System("follow-up schedule"), cancellationToken);
        if (created > 0)
        {
            Logger.LogInformation("Opened {Count} follow-ups for activities that have lapsed", created);
        }

        var turning18 = await services.GetRequiredService<CaseworkService>()
            .CreateDateRuleTasksAsync(Actor.System("follow-up schedule"), cancellationToken);
        if (turning18 > 0)
        {
            Logger.LogInformation("Opened {Count} follow-ups for young people approaching 18", turning18);
        }
    }
}
