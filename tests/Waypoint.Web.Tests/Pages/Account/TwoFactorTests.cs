using System.Net;
using OtpNet;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Account;

public class TwoFactorTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Staff_WhenTwoFactorRequired_MustSetUpAuthenticatorThenUseIt(DatabaseProvider provider)
    {
        // Arrange
        await using var factory = new WaypointWebFactory(provider, new Dictionary<string, string?> { ["Waypoint:RequireStaffTwoFactor"] = "true" });
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        using var session = factory.CreateSession();

        // Act: password alone reaches only the set-up page
        await session.SignInAsync(user.Email!, TestData.Password);
        var blocked = await session.GetAsync("/tracking");
        var setUp = await session.GetAsync("/account/two-factor/set-up");
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var wrongCode = await session.PostFormAsync("/account/two-factor/set-up", new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        var enabled = await session.PostFormAsync("/account/two-factor/set-up", new Dictionary<string, string> { ["Code"] = Code(key) });
        var home = await session.GetAsync("/tracking");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, blocked.Status);
        Assert.Equal("/account/two-factor/set-up", blocked.Location);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.Status);
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.UserId == user.Id && e.Action == AuditActions.TwoFactorEnabled)));

        // A fresh sign-in now asks for the code before anything else.
        using var second = factory.CreateSession();
        var password = await second.SignInAsync(user.Email!, TestData.Password);
        Assert.Equal("/account/two-factor", password.Location?.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/tracking")).Status);
        var signedIn = await second.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/tracking", signedIn.Location);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/tracking")).Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task YoungPerson_WhenStaffTwoFactorRequired_SignsInWithPasswordAlone(DatabaseProvider provider)
    {
        await using var factory = new WaypointWebFactory(provider, new Dictionary<string, string?> { ["Waypoint:RequireStaffTwoFactor"] = "true" });
        var person = await factory.Data.CreateYoungPersonAsync();
        var user = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: person.Id);
        using var session = factory.CreateSession();

        var response = await session.SignInAsync(user.Email!, TestData.Password);
        var home = await session.GetAsync("/me");

        Assert.Equal("/me", response.Location);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(person.GivenName, home.Heading, StringComparison.Ordinal);
    }

    /// <summary>The code an authenticator app would show now (real time: Identity checks codes against the system clock).</summary>
    private static string Code(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    /// <summary>
    /// A six-digit code that is none of the valid ones: Identity accepts the codes of two 30-second steps either side of
    /// now, so a fixed "000000" would be right about 5 times in a million.
    /// </summary>
    private static string WrongCode(string base32Key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        var now = DateTime.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 8).Select(i => $"{i:D6}").First(code => !valid.Contains(code));
    }
}
