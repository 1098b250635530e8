using System.Net;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.YoungPeople;

[Collection("web")]
public class DetailsTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_StaffOfAnotherSchool_NotFoundByPageAndApiAndAudited(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var schoolA = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var schoolB = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var pupilB = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = schoolB.Id);
        var staffA = await factory.Data.CreateUserAsync(WaypointRole.SchoolStaff, schoolA.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(staffA.Email!, TestData.Password);

        // Act
        var page = await session.GetAsync($"/young-people/{pupilB.Id}");
        var api = await session.Client.GetAsync($"/api/young-people/{pupilB.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Heading);
        Assert.DoesNotContain(pupilB.FamilyName, page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var denied = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == staffA.Id && e.Action == AuditActions.AccessDenied));
        Assert.Equal(2, denied.Count);
        Assert.All(denied, e =>
        {
            Assert.Equal(AuditOutcome.Denied, e.Outcome);
            Assert.Equal(pupilB.Id, e.YoungPersonId);
            Assert.Equal(schoolA.Id, e.OrganisationId);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_StaffOfOwnSchool_ShowsRecordAndAuditsTheView(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var pupil = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.SchoolId = school.Id;
            p.Activities.Add(new Activity { Code = "110", StartDate = new DateOnly(2026, 9, 3), DateAscertained = new DateOnly(2026, 9, 3), Source = "School roll" });
        });
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);

        var page = await session.GetAsync($"/young-people/{pupil.Id}");
        var api = await session.Client.GetAsync($"/api/young-people/{pupil.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(pupil.DisplayName, page.Heading);
        Assert.StartsWith("110", page.Document.QuerySelector("#current-activity")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var json = await api.Content.ReadAsStringAsync();
        Assert.Contains($"\"upn\":\"{pupil.Upn}\"", json, StringComparison.Ordinal);
        var views = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == leader.Id && e.Action == AuditActions.YoungPersonViewed));
        Assert.Equal(2, views.Count);
        Assert.All(views, e => Assert.Equal(pupil.Id, e.YoungPersonId));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Search_SchoolStaff_FindOnlyTheirOwnPupils(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var schoolA = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var schoolB = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var surname = $"Zielińska{TestData.Next()}";
        var pupilA = await factory.Data.CreateYoungPersonAsync(p => { p.SchoolId = schoolA.Id; p.FamilyName = surname; });
        await factory.Data.CreateYoungPersonAsync(p => { p.SchoolId = schoolB.Id; p.FamilyName = surname; });
        var staffA = await factory.Data.CreateUserAsync(WaypointRole.SchoolStaff, schoolA.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(staffA.Email!, TestData.Password);

        var byName = await session.GetAsync($"/young-people?q={Uri.EscapeDataString(surname.Replace("ń", "n", StringComparison.Ordinal).ToUpperInvariant())}");
        var byUpn = await session.GetAsync($"/young-people?q={pupilA.Upn}");

        Assert.Equal(HttpStatusCode.OK, byName.Status);
        var links = byName.Document.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/young-people/{pupilA.Id}"], links);
        Assert.Equal([$"/young-people/{pupilA.Id}"], byUpn.Document.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")).ToList());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_Anonymous_RedirectedToSignInAndApiSays401(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        using var session = factory.CreateSession();

        var page = await session.GetAsync($"/young-people/{Guid.NewGuid()}");
        var api = await session.Client.GetAsync($"/api/young-people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("https://localhost/account/sign-in", page.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
