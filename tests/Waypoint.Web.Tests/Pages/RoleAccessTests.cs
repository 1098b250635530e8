using System.Net;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages;

[Collection("web")]
public class RoleAccessTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_PagesOfAnotherRole_Forbidden(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var staff = await factory.Data.CreateUserAsync(WaypointRole.SchoolStaff, school.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(staff.Email!, TestData.Password);

        foreach (var path in new[] { "/admin", "/admin/audit", "/admin/users", "/tracking", "/adviser", "/me", "/family" })
        {
            var response = await session.GetAsync(path);
            Assert.True(response.Status == HttpStatusCode.Redirect && response.Location!.Contains("/errors/403", StringComparison.Ordinal), $"{path} gave {response.Status} {response.Location}");
        }

        var forbidden = await session.GetAsync("/errors/403");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal("You do not have permission to see this page", forbidden.Heading);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/school")).Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_Health_ChecksTheDatabase(DatabaseProvider provider)
    {
        using var session = hosts.For(provider).CreateSession();

        var response = await session.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_UnknownPage_GovUkNotFoundPageOrSignInWhenSignedOut(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var user = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        using var session = factory.CreateSession();
        var signedOut = await session.GetAsync("/no-such-page");
        await session.SignInAsync(user.Email!, TestData.Password);

        var response = await session.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Page not found", response.Heading);
        Assert.NotNull(response.Document.QuerySelector("a.govuk-skip-link[href='#main-content']"));
    }
}
