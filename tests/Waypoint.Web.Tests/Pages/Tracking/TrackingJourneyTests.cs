using System.Net;
using System.Net.Http.Json;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Tracking;

[Collection("web")]
public class TrackingJourneyTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static async Task<(Organisation La, WaypointUser Officer, WaypointUser Adviser)> StaffAsync(WaypointWebFactory factory)
    {
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var adviser = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        return (la, officer, adviser);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RecordNeet_ThroughTheQuestionPages_AdviserGetsFollowUpAndPersonIsOnNeetList(DatabaseProvider provider)
    {
        // Arrange: Monday 23 November 2026; five working days later is Monday 30 November.
        var factory = hosts.For(provider);
        var (_, officer, adviser) = await StaffAsync(factory);
        var person = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.AdviserUserId = adviser.Id;
            p.Activities.Add(new Activity { Code = "230", StartDate = new(2026, 9, 7), DateAscertained = new(2026, 9, 7), PredictedEndDate = new(2027, 7, 31), Source = "College" });
        }, yearGroup: 12);
        using var tracking = factory.CreateSession();
        await tracking.SignInAsync(officer.Email!, TestData.Password);

        // Act
        var start = await tracking.GetAsync($"/young-people/{person.Id}/activity/new");
        var what = start.Location!;
        var baseUrl = what[..what.LastIndexOf('/')];
        var invalidCode = await tracking.PostFormAsync(what, new Dictionary<string, string> { ["Code"] = "" });
        await tracking.PostFormAsync(what, new Dictionary<string, string> { ["Code"] = "619" });
        var badDate = await tracking.PostFormAsync($"{baseUrl}/when", new Dictionary<string, string> { ["StartDate.Day"] = "31", ["StartDate.Month"] = "2", ["StartDate.Year"] = "2026" });
        await tracking.PostFormAsync($"{baseUrl}/when", new Dictionary<string, string> { ["StartDate.Day"] = "16", ["StartDate.Month"] = "11", ["StartDate.Year"] = "2026" });
        await tracking.PostFormAsync($"{baseUrl}/where", new Dictionary<string, string> { ["Establishment"] = "", ["Source"] = "Phone call with the young person" });
        var check = await tracking.GetAsync($"{baseUrl}/check");
        var recorded = await tracking.PostFormAsync($"{baseUrl}/check", new Dictionary<string, string>());
        var page = await tracking.GetAsync($"/young-people/{person.Id}");

        // Assert: the question pages validated and the record changed
        Assert.Equal(HttpStatusCode.BadRequest, invalidCode.Status);
        Assert.Equal(["Choose what the young person is doing now"], invalidCode.ErrorSummary);
        Assert.Equal(["The date the activity started must be a real date"], badDate.ErrorSummary);
        Assert.Contains("619 Seeking employment, education or training", check.Document.QuerySelector("#answer-code")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.StartsWith("619", page.Document.QuerySelector("#current-activity")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Activity recorded: 619", page.Document.QuerySelector(".app-timeline")!.TextContent, StringComparison.Ordinal);

        // Assert: the adviser's follow-up, due in five working days
        using var adviserSession = factory.CreateSession();
        await adviserSession.SignInAsync(adviser.Email!, TestData.Password);
        var myDay = await adviserSession.GetAsync("/adviser");
        var upcoming = myDay.Document.QuerySelector("#upcoming")!.NextElementSibling!.TextContent;
        Assert.Contains(person.DisplayName, upcoming, StringComparison.Ordinal);
        Assert.Contains("30 Nov 2026", upcoming, StringComparison.Ordinal);
        var task = await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == person.Id && e.Action == AuditActions.ActivityRecorded));
        Assert.Single(task);

        // Assert: on the NEET work list, with days since NEET start
        var neetList = await tracking.GetAsync($"/tracking/lists/neet?adviser={adviser.Id}");
        var row = Assert.Single(neetList.Document.QuerySelectorAll("#work-list tbody tr"));
        Assert.Contains(person.DisplayName, row.TextContent, StringComparison.Ordinal);
        var cells = row.QuerySelectorAll("td");
        Assert.Equal("7", cells[^1].TextContent.Trim());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task LapsedActivity_WhenTheClockPassesTheLapseDate_MovesOntoTheNotKnownList(DatabaseProvider provider)
    {
        await using var factory = new WaypointWebFactory(provider);
        var (_, officer, adviser) = await StaffAsync(factory);
        var person = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.AdviserUserId = adviser.Id;
            p.Activities.Add(new Activity { Code = "330", StartDate = new(2026, 5, 1), DateAscertained = new(2026, 5, 25), Source = "Phone call" });
        }, yearGroup: 13);
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        var listUrl = $"/tracking/lists/not-known?adviser={adviser.Id}";

        var before = await session.GetAsync(listUrl);
        var dueToLapse = await session.GetAsync($"/tracking/lists/due-to-lapse?adviser={adviser.Id}");
        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var nextDay = factory.CreateSession();
        await nextDay.SignInAsync(officer.Email!, TestData.Password);
        var after = await nextDay.GetAsync(listUrl);
        var page = await nextDay.GetAsync($"/young-people/{person.Id}");

        Assert.Empty(before.Document.QuerySelectorAll("#work-list tbody tr"));
        Assert.Single(dueToLapse.Document.QuerySelectorAll("#work-list tbody tr"));
        var row = Assert.Single(after.Document.QuerySelectorAll("#work-list tbody tr"));
        Assert.Contains(person.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("25 Nov 2026", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lapsed: not known", page.Document.QuerySelector("#current-activity")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EditDetails_TwoPeopleAtOnce_OneWinsTheOtherSeesAConflictAndBothAreAudited(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (la, first, _) = await StaffAsync(factory);
        var second = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var person = await factory.Data.CreateYoungPersonAsync();
        using var a = factory.CreateSession();
        using var b = factory.CreateSession();
        await a.SignInAsync(first.Email!, TestData.Password);
        await b.SignInAsync(second.Email!, TestData.Password);
        var formA = await a.GetAsync($"/young-people/{person.Id}/edit");
        var formB = await b.GetAsync($"/young-people/{person.Id}/edit");
        Dictionary<string, string> Fields(PageResponse form, string phone)
        {
            var fields = form.Document.QuerySelectorAll("form input, form select")
                .Where(e => e.GetAttribute("name") is not null && (e.GetAttribute("type") is not ("radio") || e.HasAttribute("checked")))
                .ToDictionary(e => e.GetAttribute("name")!, e => e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.GetAttribute("value") ?? "");
            fields["Phone"] = phone;
            return fields;
        }

        var fieldsA = Fields(formA, "07700 900111");
        var fieldsB = Fields(formB, "07700 900222");
        var savedA = await a.Client.PostAsync($"/young-people/{person.Id}/edit", new FormUrlEncodedContent(fieldsA));
        var savedB = await b.Client.PostAsync($"/young-people/{person.Id}/edit", new FormUrlEncodedContent(fieldsB));
        var conflictPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await savedB.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, savedA.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, savedB.StatusCode);
        Assert.Contains("Someone else saved changes", conflictPage.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("07700 900111", conflictPage.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("07700 900222", conflictPage.QuerySelector("#Phone")!.GetAttribute("value"));
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == person.Id && (e.Action == AuditActions.YoungPersonUpdated || e.Action == AuditActions.UpdateConflict)));
        Assert.Equal([(first.Id, AuditActions.YoungPersonUpdated, AuditOutcome.Succeeded), (second.Id, AuditActions.UpdateConflict, AuditOutcome.Failed)],
            events.Select(e => (e.UserId!.Value, e.Action, e.Outcome)));
        Assert.Contains("07700 900111", events[0].Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Api_RecordActivity_ChecksVersionAndEntryRules(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer, _) = await StaffAsync(factory);
        var person = await factory.Data.CreateYoungPersonAsync(yearGroup: 12);
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);

        var stale = await session.Client.PostAsJsonAsync($"/api/young-people/{person.Id}/activities", new { version = Guid.NewGuid(), code = "619", start_date = "2026-11-16", neet_start_date = "2026-11-16" });
        var broken = await session.Client.PostAsJsonAsync($"/api/young-people/{person.Id}/activities", new { version = person.Version, code = "619", start_date = "2026-11-16" });
        var created = await session.Client.PostAsJsonAsync($"/api/young-people/{person.Id}/activities", new { version = person.Version, code = "619", start_date = "2026-11-16", neet_start_date = "2026-11-16", source = "Integration" });
        var read = await session.Client.GetStringAsync($"/api/young-people/{person.Id}");
        var list = await session.Client.GetStringAsync("/api/work-lists/neet?page_size=500");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("\"nccis_error\":224", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"code\":\"619\"", read, StringComparison.Ordinal);
        Assert.Contains(person.Id.ToString(), list, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SchoolStaff_CannotChangeCohortStatusOrSeeOtherSchoolsLists(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var staff = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var pupil = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(staff.Email!, TestData.Password);

        var status = await session.GetAsync($"/young-people/{pupil.Id}/cohort-status");
        var lists = await session.GetAsync("/tracking/lists/not-known");
        var edit = await session.GetAsync($"/young-people/{pupil.Id}/edit");

        Assert.Equal(HttpStatusCode.NotFound, status.Status);
        Assert.Equal(HttpStatusCode.Redirect, lists.Status);
        Assert.Equal(HttpStatusCode.OK, edit.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task QuickVerification_ConfirmIsOneSubmit_StampsTodayAndTakesThemOffTheNotKnownList(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer, adviser) = await StaffAsync(factory);
        var person = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.AdviserUserId = adviser.Id;
            p.Activities.Add(new Activity { Code = "330", StartDate = new(2025, 9, 1), DateAscertained = new(2025, 9, 1), Source = "Phone call" });
        }, yearGroup: 13);
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        var url = $"/tracking/verify/not-known?adviser={adviser.Id}&i=0";

        var first = await session.GetAsync(url);
        var form = first.Document.QuerySelector("form[action*='handler=Confirm']")!;
        var confirm = await session.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!)));
        var next = await session.GetAsync(confirm.Headers.Location!.OriginalString);
        var list = await session.GetAsync($"/tracking/lists/not-known?adviser={adviser.Id}");

        Assert.Equal(person.DisplayName, first.Heading);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("You have reached the end of the list", next.Heading);
        Assert.Empty(list.Document.QuerySelectorAll("#work-list tbody tr"));
        var verified = await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == person.Id && e.Action == AuditActions.ActivityVerified));
        Assert.Contains("\"newValue\":\"2026-11-23\"", Assert.Single(verified).Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task YoungCarerActivity_NeedsTheCarerCharacteristicFirst(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer, _) = await StaffAsync(factory);
        var person = await factory.Data.CreateYoungPersonAsync(yearGroup: 12);
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        async Task<PageResponse> RecordAsync()
        {
            var what = (await session.GetAsync($"/young-people/{person.Id}/activity/new")).Location!;
            var baseUrl = what[..what.LastIndexOf('/')];
            await session.PostFormAsync(what, new Dictionary<string, string> { ["Code"] = "620" });
            await session.PostFormAsync($"{baseUrl}/when", new Dictionary<string, string> { ["StartDate.Day"] = "2", ["StartDate.Month"] = "11", ["StartDate.Year"] = "2026" });
            await session.PostFormAsync($"{baseUrl}/where", new Dictionary<string, string> { ["Establishment"] = "", ["Source"] = "Parent or carer" });
            return await session.PostFormAsync($"{baseUrl}/check", new Dictionary<string, string>());
        }

        var refused = await RecordAsync();
        var characteristics = await session.GetAsync($"/young-people/{person.Id}/characteristics");
        var added = await session.PostFormAsync($"/young-people/{person.Id}/characteristics?handler=Add", new Dictionary<string, string>
        {
            ["Version"] = characteristics.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["Code"] = "140", ["StartDate.Day"] = "1", ["StartDate.Month"] = "10", ["StartDate.Year"] = "2026",
        });
        var accepted = await RecordAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var error = Assert.Single(refused.Document.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Contains("140", error.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/what#Code", error.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var page = await session.GetAsync($"/young-people/{person.Id}");
        Assert.StartsWith("620", page.Document.QuerySelector("#current-activity")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Characteristic recorded", page.Document.QuerySelector(".app-timeline")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OpenApi_DescribesTheTrackingEndpointsForStaff(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer, _) = await StaffAsync(factory);
        using var session = factory.CreateSession();
        var anonymous = await session.Client.GetAsync("/api/openapi/v1.json");
        await session.SignInAsync(officer.Email!, TestData.Password);

        var document = await session.Client.GetStringAsync("/api/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var path in new[] { "/api/young-people/{id}", "/api/young-people/{id}/activities", "/api/young-people/{id}/verify", "/api/work-lists/{list}", "/api/transfers" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
