namespace Waypoint.Web.Infrastructure;

/// <summary>
/// A piece of background work the web app runs at start-up and then every <see cref="IntervalMinutes"/> (0 or less
/// turns it off), each run in its own service scope. A failed run is logged and retried at the next tick: the app must
/// keep serving pages meanwhile.
/// </summary>
public abstract class ScheduledJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract int IntervalMinutes { get; }

    /// <summary>What the log calls the job when a run fails.</summary>
    protected abstract string Name { get; }

    protected ILogger Logger => logger;

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (IntervalMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(IntervalMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} failed", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
