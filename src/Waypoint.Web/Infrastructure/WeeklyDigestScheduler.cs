using Waypoint.Core.Access;
using Waypoint.Core.Casework;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Sends advisers their weekly digest once each Monday, from <c>Casework:DigestHourUtc</c>, checking every
/// <c>Casework:DigestScanMinutes</c> (0 turns it off). Whether this week's digest went is read from the audit trail, so a
/// restart, a second server or an operator's <c>waypoint tasks digest</c> does not send it twice.
/// </summary>
public sealed class WeeklyDigestScheduler(IServiceScopeFactory scopes, CaseworkOptions options, TimeProvider clock, ILogger<WeeklyDigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.DigestScanMinutes <= 0)
        {
            return;
        }

        if (options.SiteUrl is null)
        {
            logger.LogWarning("Casework:SiteUrl is not set, so the weekly digest is not sent on a schedule");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.DigestScanMinutes), clock);
        do
        {
            try
            {
                await SendIfDueAsync(options.SiteUrl, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The weekly digest failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendIfDueAsync(Uri siteUrl, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<WeeklyDigest>()
            .SendIfDueAsync(Actor.System("weekly digest schedule"), siteUrl, options.DigestHourUtc, cancellationToken);
        if (sent is not null)
        {
            logger.LogInformation("Sent the weekly digest to {Advisers} advisers", sent);
        }
    }
}
