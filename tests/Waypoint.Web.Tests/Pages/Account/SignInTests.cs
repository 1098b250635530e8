using System.Net;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Account;

[Collection("web")]
public class SignInTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Post_CorrectPassword_RedirectsToRoleHomeAndAudits(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        using var session = factory.CreateSession();

        var response = await session.SignInAsync(user.Email!, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/tracking", response.Location);
        var home = await session.GetAsync("/tracking");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("Tracking", home.Heading);
        var audit = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == user.Id && e.Action == AuditActions.SignInSucceeded));
        Assert.Single(audit);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Post_WrongPasswordOrUnknownEmail_GiveTheSameErrorSoAccountsCannotBeDiscovered(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        using var session = factory.CreateSession();

        var wrongPassword = await session.SignInAsync(user.Email!, "not the password at all");
        var unknownEmail = await session.SignInAsync($"nobody.{Guid.NewGuid():N}@test.waypoint.test", "not the password at all");

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknownEmail.Status);
        Assert.Equal(["Enter a correct email address and password"], wrongPassword.ErrorSummary);
        Assert.Equal(wrongPassword.ErrorSummary, unknownEmail.ErrorSummary);
        Assert.StartsWith("Error: ", wrongPassword.Document.Title, StringComparison.Ordinal);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.UserId == user.Id && e.Action == AuditActions.SignInFailed)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Post_FiveWrongPasswords_LocksTheAccountEvenAgainstTheRightOne(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        using var session = factory.CreateSession();

        for (var i = 0; i < IdentitySetup.MaxFailedAccessAttempts; i++)
        {
            await session.SignInAsync(user.Email!, $"wrong password {i}");
        }

        var rightPassword = await session.SignInAsync(user.Email!, TestData.Password);

        Assert.Equal(HttpStatusCode.BadRequest, rightPassword.Status);
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == user.Id));
        Assert.Equal(IdentitySetup.MaxFailedAccessAttempts - 1, events.Count(e => e.Action == AuditActions.SignInFailed));
        Assert.Equal(2, events.Count(e => e.Action == AuditActions.LockedOut));
        Assert.DoesNotContain(events, e => e.Action == AuditActions.SignInSucceeded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Post_WithoutAntiforgeryToken_Refused(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        using var session = factory.CreateSession();

        var response = await session.PostFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["Email"] = "someone@test.waypoint.test", ["Password"] = "whatever it is" }, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Post_EmptyForm_ShowsGovUkErrorSummaryLinkedToFields(DatabaseProvider provider)
    {
        using var session = hosts.For(provider).CreateSession();

        var response = await session.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["Enter your email address", "Enter your password"], response.ErrorSummary);
        Assert.Equal("#Email", response.Document.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.NotNull(response.Document.QuerySelector("#Email-error"));
        Assert.Equal("Email-error", response.Document.QuerySelector("#Email")?.GetAttribute("aria-describedby"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_Cookie_IsSecureHttpOnlyAndSameSite(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, la.Id);
        using var session = factory.CreateSession();

        var response = await session.SignInAsync(user.Email!, TestData.Password);

        var cookie = response.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waypoint.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
