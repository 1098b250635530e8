using System.Threading.Channels;

namespace Waypoint.Core.Email;

/// <summary>What to do, in a fresh service scope, when a queued email could not be sent.</summary>
public delegate Task EmailFailureHandler(IServiceProvider services, Exception error, CancellationToken cancellationToken);

public sealed record QueuedEmail(EmailMessage Message, EmailFailureHandler? OnFailure = null);

/// <summary>
/// Emails sent after the request that asked for them has been answered, for pages whose response time must not show
/// whether an email went out: a password reset for a real account would otherwise take a mail server's round trip
/// longer than one for an unknown address, telling anyone timing it which addresses have accounts. The web app's
/// EmailQueueWorker sends them one at a time; the CLI runs no worker, so nothing it runs may queue. The queue is in
/// memory: a message still waiting when the app stops is not sent, and its failure handler is told so.
/// </summary>
public sealed class EmailQueue
{
    private readonly Channel<QueuedEmail> channel = Channel.CreateUnbounded<QueuedEmail>(new UnboundedChannelOptions { SingleReader = true });
    private int pending;

    /// <summary>Messages queued and not yet sent or failed.</summary>
    public int Pending => Volatile.Read(ref pending);

    public ChannelReader<QueuedEmail> Reader => channel.Reader;

    public void Enqueue(QueuedEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        Interlocked.Increment(ref pending);
        if (!channel.Writer.TryWrite(email))
        {
            Interlocked.Decrement(ref pending);
            throw new InvalidOperationException("The email queue is closed.");
        }
    }

    /// <summary>Called by the sender once a message has been sent or has failed.</summary>
    public void Done() => Interlocked.Decrement(ref pending);

    /// <summary>Waits until every message queued so far has been sent or has failed (tests, and shutdown).</summary>
    public async Task WaitUntilIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Real elapsed time, not the app's TimeProvider: this is how long to wait for a mail server, not a business date.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Pending > 0)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"{Pending} queued email(s) were still unsent after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(10, cancellationToken);
        }
    }
}
