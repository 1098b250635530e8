using Waypoint.Core.Email;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Sends the <see cref="EmailQueue"/>'s messages, one at a time, each in its own service scope. A message that fails,
/// for whatever reason, is logged and handed to its failure handler (which audits it); it never stops the worker. On
/// shutdown the queue gets a few seconds to empty; what is still in it then goes to the failure handlers as not sent.
/// </summary>
public sealed class EmailQueueWorker(EmailQueue queue, IServiceScopeFactory scopes, ILogger<EmailQueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan DrainOnShutdown = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(email, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        while (queue.Reader.TryRead(out var unsent))
        {
            await FailedAsync(unsent, new OperationCanceledException("The app stopped before the email was sent."));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await queue.WaitUntilIdleAsync(DrainOnShutdown, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Stopping with {Count} email(s) unsent", queue.Pending);
        }

        await base.StopAsync(cancellationToken);
    }

    private async Task SendAsync(QueuedEmail email, CancellationToken stoppingToken)
    {
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendAsync(email.Message, stoppingToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any failure, including an HTTP client's timeout (a TaskCanceledException) or the app stopping mid-send.
            failure = ex;
        }

        if (failure is null)
        {
            queue.Done();
            return;
        }

        logger.LogError(failure, "Could not send the {Reference} email", email.Message.Reference);
        await FailedAsync(email, failure);
    }

    /// <summary>Runs the message's failure handler (never cancelled: it records what happened) and marks it done.</summary>
    private async Task FailedAsync(QueuedEmail email, Exception error)
    {
        try
        {
            if (email.OnFailure is not null)
            {
                await using var scope = scopes.CreateAsyncScope();
                await email.OnFailure(scope.ServiceProvider, error, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Could not record the failed {Reference} email", email.Message.Reference);
        }
        finally
        {
            queue.Done();
        }
    }
}
