using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Email;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.TestCommon;
using Waypoint.Web.Pages.Account;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Account;

[Collection("web")]
public partial class PasswordResetTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private const string NewPassword = "four words for waypoint";

    [GeneratedRegex(@"\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();

    /// <summary>The reset emails in the outbox, once the app's email queue has sent everything asked for so far.</summary>
    private static async Task<List<(string To, string Body)>> ResetEmailsAsync(WaypointWebFactory factory)
    {
        await factory.Services.GetRequiredService<EmailQueue>().WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
        return Directory.Exists(factory.Outbox)
            ? Directory.GetFiles(factory.Outbox, "*.json")
                .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
                .Where(m => m.GetProperty("Reference").GetString() == "password-reset")
                .Select(m => (m.GetProperty("To").GetString()!, m.GetProperty("Body").GetString()!))
                .ToList()
            : [];
    }

    private static Dictionary<string, string> Passwords(string password, string confirm) =>
        new() { ["NewPassword"] = password, ["ConfirmPassword"] = confirm };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ForgottenPassword_LinkByEmail_SetsANewPasswordOnceAndSaysTheSameForAnUnknownAddress(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var unknown = $"nobody.{Guid.NewGuid():N}@test.waypoint.test";
        using var session = factory.CreateSession();

        var signIn = await session.GetAsync("/account/sign-in");
        var blank = await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "" });
        var forUnknown = await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = unknown });
        var forUser = await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });
        var forUserAgain = await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });

        // Arriving at the page, a blank address is an error; a known and an unknown one get the same answer.
        Assert.NotNull(signIn.Document.QuerySelector("a[href='/account/forgot-password']"));
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Equal(["Enter your email address"], blank.ErrorSummary);
        Assert.Equal(HttpStatusCode.OK, forUnknown.Status);
        Assert.Equal(HttpStatusCode.OK, forUser.Status);
        Assert.Equal("Check your email", forUnknown.Heading);
        Assert.Equal("Check your email", forUser.Heading);
        Assert.Equal("Check your email", forUserAgain.Heading);
        Assert.Equal(
            forUnknown.Document.QuerySelector("[data-sent]")!.TextContent.Replace(unknown, "ADDRESS", StringComparison.Ordinal),
            forUser.Document.QuerySelector("[data-sent]")!.TextContent.Replace(user.Email!, "ADDRESS", StringComparison.Ordinal));
        var emails = await ResetEmailsAsync(factory);
        Assert.DoesNotContain(emails, e => e.To == unknown);
        var (_, body) = Assert.Single(emails, e => e.To == user.Email);
        var link = new Uri(ResetLink().Match(body).Value);
        Assert.StartsWith("https://localhost/account/reset-password?", link.AbsoluteUri, StringComparison.Ordinal);
        var path = link.PathAndQuery;

        var form = await session.GetAsync(path);
        var different = await session.PostFormAsync(path, Passwords(NewPassword, NewPassword + " again"));
        var tooShort = await session.PostFormAsync(path, Passwords("short", "short"));
        var tampered = await session.PostFormAsync(path.Replace("token=", "token=x", StringComparison.Ordinal), Passwords(NewPassword, NewPassword));
        var reset = await session.PostFormAsync(path, Passwords(NewPassword, NewPassword));
        var signInPage = await session.GetAsync(reset.Location!);
        var again = await session.PostFormAsync(path, Passwords(NewPassword + " two", NewPassword + " two"));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("Choose a new password", form.Heading);
        Assert.Equal(HttpStatusCode.BadRequest, different.Status);
        Assert.Equal(["The two passwords are not the same"], different.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Equal([ResetPasswordModel.LinkFailure], tampered.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal("/account/sign-in", reset.Location);
        Assert.Contains("Your password has been changed", signInPage.Document.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal([ResetPasswordModel.LinkFailure], again.ErrorSummary);

        // The old password no longer works; the new one does.
        using var fresh = factory.CreateSession();
        Assert.Equal(HttpStatusCode.BadRequest, (await fresh.SignInAsync(user.Email!, TestData.Password)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(user.Email!, NewPassword)).Status);

        var requested = await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.PasswordResetRequested && (e.UserId == user.Id || e.UserName == unknown)));
        Assert.Single(requested, e => e.UserId == user.Id && e.Outcome == AuditOutcome.Succeeded);
        Assert.Contains("last few minutes", Assert.Single(requested, e => e.UserId == user.Id && e.Outcome == AuditOutcome.Failed).Details, StringComparison.Ordinal);
        Assert.Single(requested, e => e.UserName == unknown && e.Outcome == AuditOutcome.Failed);
        var resets = await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.PasswordReset && e.UserId == user.Id));
        Assert.Single(resets, e => e.Outcome == AuditOutcome.Succeeded);
        // The tampered and the reused link; a form that fails its own checks never reaches the account.
        Assert.Equal(2, resets.Count(e => e.Outcome == AuditOutcome.Failed));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ForgottenPassword_LockedOutOrDisabledAccount_ResetLiftsALockoutButADisabledAccountGetsNoLink(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var locked = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var disabled = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaypointUser>>();
            var account = await users.FindByIdAsync(disabled.Id.ToString());
            account!.IsDisabled = true;
            await users.UpdateAsync(account);
        }

        using var session = factory.CreateSession();
        for (var i = 0; i < IdentitySetup.MaxFailedAccessAttempts; i++)
        {
            await session.SignInAsync(locked.Email!, $"wrong password {i}");
        }

        await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = locked.Email! });
        await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = disabled.Email! });
        var emails = await ResetEmailsAsync(factory);
        var (_, body) = Assert.Single(emails, e => e.To == locked.Email);
        var reset = await session.PostFormAsync(new Uri(ResetLink().Match(body).Value).PathAndQuery, Passwords(NewPassword, NewPassword));
        var signedIn = await session.SignInAsync(locked.Email!, NewPassword);

        Assert.DoesNotContain(emails, e => e.To == disabled.Email);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
    }

    [SkippableFact]
    public async Task ForgottenPassword_NoPublicAddressOutsideDemo_NeverBuildsALinkFromTheRequestsHost()
    {
        await using var factory = new WaypointWebFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Waypoint:PublicUrl"] = "" });
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        using var session = factory.CreateSession();
        session.Client.DefaultRequestHeaders.Host = "attacker.example";

        var page = await session.GetAsync("/account/forgot-password");
        var signIn = await session.GetAsync("/account/sign-in");
        var token = signIn.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await session.Client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = user.Email!,
        }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("[data-unavailable]"));
        Assert.Null(page.Document.QuerySelector("form input[name=Email]"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("cannot be reset by email", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ResetEmailsAsync(factory));
    }

    [SkippableFact]
    public async Task ForgottenPassword_MailServerSlowOrDown_PageAnswersBeforeTheSendAndAFailedSendIsAuditedAndMayBeAskedAgain()
    {
        var mailServer = new ControlledMailServer();
        await using var factory = new WaypointWebFactory(DatabaseProvider.Sqlite, configureServices: services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(mailServer);
        });
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var slow = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var down = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var queue = factory.Services.GetRequiredService<EmailQueue>();
        using var session = factory.CreateSession();

        // The mail server holds the first send until released: the page has answered while it is still waiting.
        // (Had the page sent the email itself, it would still be waiting for the release: the 30 s bound fails the test.)
        var answered = await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = slow.Email! })
            .WaitAsync(TimeSpan.FromSeconds(30));
        var sendStarted = await mailServer.SendStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var pendingWhenAnswered = queue.Pending;
        mailServer.Release.SetResult();
        await queue.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));

        // Then it refuses every message: the page still answers the same, and the failure is audited against the account.
        // A failed send does not count as a link sent: asking again at once, with the server back, gets the email.
        mailServer.Refuse = true;
        var refused = await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = down.Email! });
        await queue.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
        mailServer.Refuse = false;
        var askedAgain = await session.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = down.Email! });
        await queue.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal("Check your email", answered.Heading);
        Assert.Equal(slow.Email, sendStarted.To);
        Assert.Equal(1, pendingWhenAnswered);
        var resetsDelivered = mailServer.Delivered.Where(m => m.Reference == "password-reset").Select(m => m.To).ToList();
        Assert.Equal([slow.Email!, down.Email!], resetsDelivered);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Check your email", refused.Heading);
        Assert.Equal("Check your email", askedAgain.Heading);
        var audited = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == down.Id
            && (e.Action == AuditActions.PasswordResetRequested || e.Action == AuditActions.PasswordResetEmailFailed)));
        Assert.Equal(2, audited.Count(e => e.Action == AuditActions.PasswordResetRequested && e.Outcome == AuditOutcome.Succeeded));
        Assert.DoesNotContain(audited, e => e.Action == AuditActions.PasswordResetRequested && e.Outcome == AuditOutcome.Failed);
        Assert.Contains("could not be sent", Assert.Single(audited, e => e.Action == AuditActions.PasswordResetEmailFailed).Details, StringComparison.Ordinal);
        Assert.Equal(0, queue.Pending);
    }

    /// <summary>
    /// A mail server the test controls for reset emails (other email, such as a new account's, goes straight through):
    /// the first waits for <see cref="Release"/>; with <see cref="Refuse"/> every one fails.
    /// </summary>
    private sealed class ControlledMailServer : IEmailSender
    {
        public TaskCompletionSource<EmailMessage> SendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool Refuse;
        public System.Collections.Concurrent.ConcurrentQueue<EmailMessage> Delivered { get; } = new();

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            if (message.Reference != "password-reset")
            {
                Delivered.Enqueue(message);
                return;
            }

            if (Refuse)
            {
                throw new System.Net.Mail.SmtpException("The mail server refused the message.");
            }

            SendStarted.TrySetResult(message);
            await Release.Task.WaitAsync(cancellationToken);
            Delivered.Enqueue(message);
        }
    }
}
