using System.Net;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Admin;

[Collection("web")]
public class AdminTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AuditSearch_ByYoungPerson_ListsEveryViewOfTheirRecord(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var pupil = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id);
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, la.Id);
        var staff = await factory.Data.CreateUserAsync(WaypointRole.SchoolStaff, school.Id);
        using (var staffSession = factory.CreateSession())
        {
            await staffSession.SignInAsync(staff.Email!, TestData.Password);
            await staffSession.GetAsync($"/young-people/{pupil.Id}");
        }

        using var session = factory.CreateSession();
        await session.SignInAsync(admin.Email!, TestData.Password);

        var results = await session.GetAsync($"/admin/audit?young-person={pupil.Id}");
        var badDate = await session.GetAsync("/admin/audit?From=31/02/2026");

        Assert.Equal(HttpStatusCode.OK, results.Status);
        var rows = results.Document.QuerySelectorAll("#audit-results tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(rows);
        Assert.Contains(staff.Email!, rows[0], StringComparison.Ordinal);
        Assert.Contains(AuditActions.YoungPersonViewed, rows[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.Status);
        Assert.Equal(["Enter the 'from' date as day/month/year, like 27/3/2026"], badDate.ErrorSummary);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.UserId == admin.Id && e.Action == AuditActions.AuditSearched)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AddUser_ValidAndInvalidForms_CreatesAccountOrExplainsEachProblem(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var laCode = $"{800 + (TestData.Next() % 100)}";
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, laCode);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, laCode);
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, la.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(admin.Email!, TestData.Password);
        var email = $"new.leader.{Guid.NewGuid():N}@test.waypoint.test";

        var invalid = await session.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["DisplayName"] = "", ["Email"] = "not-an-email", ["Role"] = "", ["OrganisationId"] = "", ["Password"] = "",
        });
        var wrongKind = await session.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["DisplayName"] = "Pat Leader", ["Email"] = email, ["Role"] = nameof(WaypointRole.CareersLeader), ["OrganisationId"] = la.Id.ToString(), ["Password"] = "a long first password",
        });
        var created = await session.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["DisplayName"] = "Pat Leader", ["Email"] = email, ["Role"] = nameof(WaypointRole.CareersLeader), ["OrganisationId"] = school.Id.ToString(), ["Password"] = "a long first password",
        });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["Enter the person's name", "Enter an email address in the correct format, like name@example.com", "Choose a role", "Choose an organisation", "Enter a first password"], invalid.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.Status);
        Assert.Contains("cannot belong to a LocalAuthority", Assert.Single(wrongKind.ErrorSummary), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        using var newUser = factory.CreateSession();
        Assert.Equal("/school", (await newUser.SignInAsync(email, "a long first password")).Location);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.UserId == admin.Id && e.Action == AuditActions.UserCreated)));
        var welcome = Directory.GetFiles(factory.Outbox).Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        Assert.Contains("You have a Waypoint account", welcome, StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("a long first password", welcome, StringComparison.Ordinal);
    }
}
