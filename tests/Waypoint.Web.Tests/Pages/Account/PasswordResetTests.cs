using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
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

    private static List<(string To, string Body)> ResetEmails(WaypointWebFactory factory) =>
        Directory.Exists(factory.Outbox)
            ? Directory.GetFiles(factory.Outbox, "*.json")
                .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
                .Where(m => m.GetProperty("Reference").GetString() == "password-reset")
                .Select(m => (m.GetProperty("To").GetString()!, m.GetProperty("Body").GetString()!))
                .ToList()
            : [];

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
        var emails = ResetEmails(factory);
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
        var emails = ResetEmails(factory);
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
        Assert.Empty(ResetEmails(factory));
    }
}
