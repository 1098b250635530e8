using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Email;

namespace Waypoint.Core.Users;

/// <summary>
/// "Forgotten your password?": a link by email that lets the holder of the address choose a new password. The request
/// never says whether an account exists; the link is single-use (a new password changes the account's security stamp,
/// which voids every link sent before) and expires after <see cref="LinkLifetime"/>. Two-factor sign-in is unaffected:
/// staff still need their authenticator after a reset. Every request and reset is audited.
/// </summary>
public sealed class PasswordReset(UserManager<WaypointUser> users, EmailQueue emails, AuditTrail audit, WaypointDbContext db, TimeProvider clock)
{
    /// <summary>How long a link works: Identity's token provider is configured with it (IdentitySetup).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(2);

    /// <summary>One link per account in this time, however often it is asked for, so nobody can flood an inbox.</summary>
    public static readonly TimeSpan OneLinkEvery = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Queues a reset link for the address if an account that may sign in has it (the <see cref="EmailQueue"/> sends it
    /// after the caller has answered; a failed send is audited then). <paramref name="linkFor"/> makes the link from the
    /// user's ID and the token (already safe in a URL).
    /// </summary>
    public async Task RequestAsync(Actor actor, string emailAddress, Func<Guid, string, Uri> linkFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(linkFor);
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user is null || user.Email is null)
        {
            await audit.RecordAsync(actor with { Name = emailAddress.Trim() }, AuditActions.PasswordResetRequested, AuditOutcome.Failed,
                details: new { reason = "unknown email" }, cancellationToken: cancellationToken);
            return;
        }

        // Recorded against the account (its organisation, or the young person it belongs to), so only that LA's
        // administrators see it in the audit trail.
        var who = actor.AsAccount(user);
        var since = clock.GetUtcNow().UtcDateTime - OneLinkEvery;
        var reason = user.IsDisabled ? "account disabled"
            : await LinksOutstandingSinceAsync(user.Id, since, cancellationToken) ? "a link was sent in the last few minutes"
            : null;
        if (reason is not null)
        {
            await audit.RecordAsync(who, AuditActions.PasswordResetRequested, AuditOutcome.Failed, "User", user.Id.ToString(), user.YoungPersonId,
                details: new { reason }, cancellationToken: cancellationToken);
            return;
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = linkFor(user.Id, token);
        await audit.RecordAsync(who, AuditActions.PasswordResetRequested, entityType: "User", entityId: user.Id.ToString(),
            youngPersonId: user.YoungPersonId, cancellationToken: cancellationToken);

        // Queued, not sent here, so the page does not wait for the mail server, which would tell anyone timing it that
        // the address has an account (EmailQueue). What is left is a few milliseconds of database work.
        var userId = user.Id;
        var youngPersonId = user.YoungPersonId;
        emails.Enqueue(new QueuedEmail(new EmailMessage(user.Email, "Reset your Waypoint password", $"""
            Hello {user.DisplayName},

            Someone asked to reset the password for your Waypoint account. If it was you, choose a new password here:

            {link}

            The link works once, for {LinkLifetime.TotalHours:0} hours. If you did not ask, you can ignore this email: your password has not changed.
            """, Reference: "password-reset"),
            (services, error, ct) => services.GetRequiredService<AuditTrail>().RecordAsync(who, AuditActions.PasswordResetEmailFailed, AuditOutcome.Failed,
                "User", userId.ToString(), youngPersonId,
                details: new { reason = error is OperationCanceledException ? "the app stopped before the email was sent" : "the email could not be sent" },
                cancellationToken: ct)));
    }

    /// <summary>
    /// Whether a link issued since <paramref name="since"/> may still arrive: more links issued than emails that failed.
    /// Counted rather than paired by time, as an issue and its failure can share a timestamp; a failure lets the person
    /// ask again at once.
    /// </summary>
    private async Task<bool> LinksOutstandingSinceAsync(Guid userId, DateTime since, CancellationToken cancellationToken) =>
        await db.AuditEvents
            .Where(e => e.UserId == userId && e.OccurredAt > since
                && ((e.Action == AuditActions.PasswordResetRequested && e.Outcome == AuditOutcome.Succeeded) || e.Action == AuditActions.PasswordResetEmailFailed))
            .SumAsync(e => e.Action == AuditActions.PasswordResetEmailFailed ? -1 : 1, cancellationToken) > 0;

    /// <summary>
    /// Sets a new password with a link's token. Succeeds only for an enabled account and a token issued since the
    /// password last changed and still in date; a success also lifts a lockout (the holder of the address has proved
    /// who they are).
    /// </summary>
    public async Task<IdentityResult> ResetAsync(Actor actor, Guid userId, string token, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId.ToString());
        string? decoded = null;
        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
        }

        var result = user is null || user.IsDisabled || decoded is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "Invalid token." })
            : await users.ResetPasswordAsync(user, decoded, newPassword);
        var who = user is null ? actor : actor.AsAccount(user);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user!, null);
            await users.ResetAccessFailedCountAsync(user!);
            await audit.RecordAsync(who, AuditActions.PasswordReset, entityType: "User", entityId: userId.ToString(), youngPersonId: user!.YoungPersonId,
                cancellationToken: cancellationToken);
        }
        else
        {
            await audit.RecordAsync(who, AuditActions.PasswordReset, AuditOutcome.Failed, "User", userId.ToString(), user?.YoungPersonId,
                details: new { reasons = result.Errors.Select(e => e.Code).ToList() }, cancellationToken: cancellationToken);
        }

        return result;
    }
}
