using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Privacy;
using Waypoint.Core.Tasks;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.YoungPeople;

[Collection("web")]
public class SubjectAccessTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SubjectAccess_LaAdministrator_DownloadsEverythingHeldWithoutAccountSecrets_OthersCannot(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var otherLa = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "330");
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, la.Id);
        var otherAdmin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, otherLa.Id);
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var today = factory.Data.Today;
        var person = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.Activities.Add(new Activity { Code = "230", StartDate = today.AddDays(-60), DateAscertained = today.AddDays(-60), Source = "College" });
            p.Characteristics.Add(new Characteristic { Code = "140", StartDate = today.AddDays(-30) });
        }, yearGroup: 12);
        var account = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: person.Id);
        var duplicate = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.CohortStatus = CohortStatus.M;
            p.MergedIntoYoungPersonId = person.Id;
            p.Activities.Add(new Activity { Code = "110", StartDate = today.AddDays(-400), DateAscertained = today.AddDays(-400), Source = "School roll" });
        }, yearGroup: 12);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.FollowUpTasks.Add(new FollowUpTask { YoungPersonId = person.Id, Kind = FollowUpKind.Manual, Title = "Call about college", DueOn = today, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime });
            db.CaseContacts.Add(new Waypoint.Core.Casework.CaseContact
            {
                YoungPersonId = person.Id, OccurredOn = today, Channel = Waypoint.Core.Casework.ContactChannel.Phone, Type = Waypoint.Core.Casework.ContactType.GuidanceInterview,
                Note = "Talked about college", RecordedByName = "Alex Staffmember", RecordedAt = factory.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        using var adminSession = factory.CreateSession();
        await adminSession.SignInAsync(admin.Email!, TestData.Password);
        using var otherSession = factory.CreateSession();
        await otherSession.SignInAsync(otherAdmin.Email!, TestData.Password);
        using var officerSession = factory.CreateSession();
        await officerSession.SignInAsync(officer.Email!, TestData.Password);
        var path = $"/young-people/{person.Id}/subject-access";

        var record = await adminSession.GetAsync($"/young-people/{person.Id}");
        var page = await adminSession.GetAsync(path);
        var download = await adminSession.Client.GetAsync(path + "?handler=download");
        var officerRecord = await officerSession.GetAsync($"/young-people/{person.Id}");
        var officerPage = await officerSession.GetAsync(path);
        var officerDownload = await officerSession.Client.GetAsync(path + "?handler=download");
        var otherDownload = await otherSession.Client.GetAsync(path + "?handler=download");

        Assert.NotNull(record.Document.QuerySelector($"a[href='{path}']"));
        Assert.Null(officerRecord.Document.QuerySelector($"a[href='{path}']"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, officerPage.Status);
        Assert.Equal(HttpStatusCode.NotFound, officerDownload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherDownload.StatusCode);

        var text = await download.Content.ReadAsStringAsync();
        using var file = JsonDocument.Parse(text);
        var root = file.RootElement;
        Assert.Equal(person.FamilyName, root.GetProperty("record").GetProperty("FamilyName").GetString());
        Assert.Equal(duplicate.Id.ToString(), Assert.Single(root.GetProperty("mergedRecords").EnumerateArray()).GetProperty("Id").GetString());
        Assert.Equal(["110", "230"], root.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("Code").GetString()).Order());
        Assert.Equal("140", Assert.Single(root.GetProperty("characteristics").EnumerateArray()).GetProperty("Code").GetString());
        Assert.Equal("Call about college", Assert.Single(root.GetProperty("follow_up_tasks").EnumerateArray()).GetProperty("Title").GetString());
        Assert.Equal(account.Email, Assert.Single(root.GetProperty("AspNetUsers").EnumerateArray()).GetProperty("Email").GetString());
        Assert.DoesNotContain("PasswordHash", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", text, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.Email!, text, StringComparison.Ordinal);
        var contact = Assert.Single(root.GetProperty("case_contacts").EnumerateArray());
        Assert.Equal("Talked about college", contact.GetProperty("Note").GetString());
        Assert.Equal("GuidanceInterview", contact.GetProperty("Type").GetString());
        Assert.DoesNotContain("Alex Staffmember", text, StringComparison.Ordinal);
        var log = root.GetProperty("accessLog").EnumerateArray().ToList();
        Assert.Contains(log, e => e.GetProperty("action").GetString() == AuditActions.YoungPersonViewed && e.GetProperty("by").GetString() == WaypointRole.LaAdministrator.ToString());

        var exported = await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == person.Id && e.Action == AuditActions.SubjectAccessExported));
        Assert.Equal(admin.Id, Assert.Single(exported).UserId);
        Assert.Contains("\"activities\":2", exported[0].Details!, StringComparison.Ordinal);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.UserId == officer.Id && e.YoungPersonId == person.Id && e.Action == AuditActions.AccessDenied)));
    }

    [Fact]
    public void TablesAboutAYoungPerson_FoundFromTheModel_EveryTableButTheAuditTrail()
    {
        var factory = hosts.For(DatabaseProvider.Sqlite);
        using var scope = factory.Services.CreateScope();
        var tables = SubjectAccess.TablesAboutAYoungPerson(scope.ServiceProvider.GetRequiredService<WaypointDbContext>().Model)
            .Select(t => t.Type.GetTableName()).ToHashSet();

        foreach (var expected in (string[])["activities", "characteristics", "september_guarantee_offers", "cohort_status_changes", "case_contacts", "referrals",
            "plan_actions", "follow_up_tasks", "careers_participations", "course_applications", "risk_scores", "parent_links", "destination_sharing_consents", "AspNetUsers",
            "data_import_changes", "nccis_snapshot_rows"])
        {
            Assert.Contains(expected, tables);
        }

        Assert.DoesNotContain("audit_events", tables);
        Assert.DoesNotContain("match_reviews", tables);
        Assert.DoesNotContain("young_people", tables);
    }
}
