using Waypoint.Core.Email;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Sends the <see cref="EmailQueue"/>'s messages, one at a time, each in its own service scope. A failed send is
/// logged and handed to the message's failure handler (which audits it); it never stops the worker. On shutdown it
/// gives the queue a few seconds to empty.
/// </summary>
public sealed class EmailQueueWorker(EmailQueue queue, IServiceScopeFactory scopes, ILogger<EmailQueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan DrainOnShutdown = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await SendAsync(scope.ServiceProvider, email, stoppingToken);
            }
            finally
            {
                queue.Done();
            }
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

    private async Task SendAsync(IServiceProvider services, QueuedEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IEmailSender>().SendAsync(email.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send the {Reference} email", email.Message.Reference);
            if (email.OnFailure is null)
            {
                return;
            }

            try
            {
                await email.OnFailure(services, ex, cancellationToken);
            }
            catch (Exception handlerError) when (handlerError is not OperationCanceledException)
            {
                logger.LogError(handlerError, "Could not record the failed {Reference} email", email.Message.Reference);
            }
        }
    }
}
