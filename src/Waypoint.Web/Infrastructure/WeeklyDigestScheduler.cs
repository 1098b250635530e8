using Waypoint.Core.Access;
using Waypoint.Core.Casework;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Sends advisers their weekly digest once each Monday, from <c>Casework:DigestHourUtc</c>, checking every
/// <c>Casework:DigestScanMinutes</c> (0, or no <c>Casework:SiteUrl</c> for the link, turns it off). Whether this week's
/// digest went is read from the audit trail, so a restart, a second server or an operator's <c>waypoint tasks digest</c>
/// does not send it twice.
/// </summary>
public sealed class WeeklyDigestScheduler(IServiceScopeFactory scopes, CaseworkOptions options, TimeProvider clock, ILogger<WeeklyDigestScheduler> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override int IntervalMinutes => options.SiteUrl is null ? 0 : options.DigestScanMinutes;

    protected override string Name => "The weekly digest";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SiteUrl is null && options.DigestScanMinutes > 0)
        {
            Logger.LogWarning("Casework:SiteUrl is not set, so the weekly digest is not sent on a schedule");
        }

        return base.ExecuteAsync(stoppingToken);
    }

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<WeeklyDigest>()
            .SendIfDueAsync(Actor.System("weekly digest schedule"), options.SiteUrl!, options.DigestHourUtc, cancellationToken);
        if (sent is not null)
        {
            Logger.LogInformation("Sent the weekly digest to {Advisers} advisers", sent);
        }
    }
}
