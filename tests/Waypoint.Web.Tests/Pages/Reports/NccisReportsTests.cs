using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Reports;

[Collection("web")]
public class NccisReportsTests(WebHosts hosts)
{
    // An LA of its own, so the snapshots hold only this class's young people.
    private const string LaCode = "881";

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static Activity Activity(string code, DateOnly start) => new()
    {
        Code = code, StartDate = start, DateAscertained = start, NeetStartDate = code == "619" ? start : null, Source = "Test",
        RecordedAt = start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
    };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_LaWithSnapshots_ShowsMeasuresChartsAndDownloads(DatabaseProvider provider)
    {
        // Arrange: two young people in Year 11 in May 2026 and academic age 16 at the end of October 2026:
        // one at college (participating), one NEET. October: cohort 2, NEET 1 (50%), not known 0.
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, LaCode);
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var born = new DateOnly(2010, 1, 15);
        foreach (var later in new[] { Activity("230", new(2026, 9, 5)), Activity("619", new(2026, 9, 20)) })
        {
            await factory.Data.CreateYoungPersonAsync(p =>
            {
                p.LeadLaCode = LaCode;
                p.DateOfBirth = born;
                p.HasEhcPlan = false;
                p.Activities.AddRange([Activity("110", new(2025, 9, 1)), later]);
            });
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NccisSnapshotService>()
                .TakeManyAsync(Actor.System("test"), LaCode, [new(2026, 5, 31), new(2026, 10, 31)]);
        }

        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);

        // Act
        var page = await session.GetAsync("/reports/nccis");
        var may = await session.GetAsync("/reports/nccis?month=2026-05-31");
        var notASnapshot = await session.GetAsync("/reports/nccis?month=2026-05-30");
        var measures = await session.Client.GetAsync("/reports/nccis/measures?month=2026-10-31");
        var survey = await session.Client.GetAsync("/reports/nccis/aas?year=2026");
        var noSurvey = await session.Client.GetAsync("/reports/nccis/aas?year=2025");

        // Assert: the page, latest month first, with charts that have text alternatives and table views
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("October 2026", page.Document.QuerySelector("#month-heading")!.TextContent.Trim());
        var headline = page.Document.QuerySelector("#headline")!.TextContent;
        Assert.Contains("50.0%", headline, StringComparison.Ordinal);
        foreach (var id in new[] { "trend-chart", "guarantee-chart" })
        {
            var chart = page.Document.QuerySelector($"svg#{id}")!;
            Assert.Equal("img", chart.GetAttribute("role"));
            Assert.NotEmpty(chart.QuerySelector("title")!.TextContent);
            Assert.Contains("October 2026", page.Document.QuerySelector("#trend")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("50.0%", page.Document.QuerySelector("#trend-chart desc")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#split-send"));
        Assert.NotNull(page.Document.QuerySelector("#split-postcodedistrict"));
        Assert.NotNull(page.Document.QuerySelector("#winter-missing"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/reports/nccis']"));
        Assert.Equal(HttpStatusCode.OK, may.Status);
        Assert.Equal("May 2026", may.Document.QuerySelector("#month-heading")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, notASnapshot.Status);

        // Assert: the measures CSV
        Assert.Equal(HttpStatusCode.OK, measures.StatusCode);
        Assert.Equal("text/csv", measures.Content.Headers.ContentType!.MediaType);
        var measuresCsv = Encoding.UTF8.GetString(await measures.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("measure,period_end,split,group,numerator,denominator,percent\r\n", measuresCsv, StringComparison.Ordinal);
        Assert.Contains("NEET,2026-10-31,All,All,1,2,50.00\r\n", measuresCsv, StringComparison.Ordinal);

        // Assert: the survey CSV, audited
        Assert.Equal(HttpStatusCode.OK, survey.StatusCode);
        var surveyLines = Encoding.UTF8.GetString(await survey.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AnnualActivitySurvey.DefaultColumns), surveyLines[0]);
        Assert.Equal(3, surveyLines.Length);
        Assert.Equal(HttpStatusCode.NotFound, noSurvey.StatusCode);
        var audits = await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.NccisSurveyExported && e.UserId == officer.Id));
        Assert.Single(audits);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PostRetake_MonthWithSnapshot_TakenAgainAndAudited(DatabaseProvider provider)
    {
        // Arrange: an LA of its own with one young person and September's snapshot.
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "883");
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        await factory.Data.CreateYoungPersonAsync(p => { p.LeadLaCode = "883"; p.DateOfBirth = new(2010, 1, 15); p.Activities.Add(Activity("230", new(2026, 9, 5))); });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NccisSnapshotService>().TakeAsync(Actor.System("test"), "883", new(2026, 9, 30));
        }

        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        var page = await session.GetAsync("/reports/nccis");
        var token = page.Document.QuerySelector("form[action='/reports/nccis/retake'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Act
        var retake = await session.Client.PostAsync("/reports/nccis/retake", new FormUrlEncodedContent(new Dictionary<string, string> { ["month"] = "2026-09-30", ["__RequestVerificationToken"] = token }));
        var after = await session.GetAsync(retake.Headers.Location!.OriginalString);
        var withoutToken = await session.Client.PostAsync("/reports/nccis/retake", new FormUrlEncodedContent(new Dictionary<string, string> { ["month"] = "2026-09-30" }));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, retake.StatusCode);
        Assert.Contains("The snapshot of September 2026 was taken again: 1 young people.", after.Document.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var audits = await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.NccisSnapshotTaken && e.UserId == officer.Id));
        Assert.Contains("\"replaced\":true", Assert.Single(audits).Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_LaWithoutSnapshots_SaysThereAreNone(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "882");
        var adviser = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(adviser.Email!, TestData.Password);

        var page = await session.GetAsync("/reports/nccis");
        var csv = await session.Client.GetAsync("/reports/nccis/measures");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#no-snapshots"));
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Get_SchoolStaff_Forbidden(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, LaCode);
        var staff = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(staff.Email!, TestData.Password);

        foreach (var path in new[] { "/reports/nccis", "/reports/nccis/measures?month=2026-10-31", "/reports/nccis/aas?year=2026" })
        {
            var response = await session.GetAsync(path);

            Assert.True(response.Status == HttpStatusCode.Redirect && response.Location!.Contains("/errors/403", StringComparison.Ordinal), $"{path} gave {response.Status} {response.Location}");
        }

        var home = await session.GetAsync("/school");
        Assert.Null(home.Document.QuerySelector("a[href='/reports/nccis']"));
    }
}
