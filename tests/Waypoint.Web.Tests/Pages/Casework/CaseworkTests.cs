using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Casework;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tasks;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Casework;

[Collection("web")]
public class CaseworkTests(WebHosts hosts)
{
    private const string La = "967";
    private const string SecretNote = "Disclosed worries at home, passed to the DSL";

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private sealed record World(Organisation La, WaypointUser Adviser, WaypointUser Officer, YoungPerson Person, WaypointUser YoungPersonUser, WaypointUser Parent);

    private static async Task<World> WorldAsync(WaypointWebFactory factory)
    {
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, La);
        var adviser = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var person = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = La;
            p.AdviserUserId = adviser.Id;
            p.Activities.Add(new Activity { Code = "230", StartDate = new(2026, 9, 7), DateAscertained = new(2026, 9, 7), PredictedEndDate = new(2027, 7, 31), Source = "College" });
        }, yearGroup: 12);
        var youngPersonUser = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: person.Id);
        var parent = await factory.Data.CreateUserAsync(WaypointRole.ParentOrCarer);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.ParentLinks.Add(new ParentLink { ParentUserId = parent.Id, YoungPersonId = person.Id, Relationship = "Mother", ConsentGiven = true, ConsentRecordedAt = factory.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        return new World(la, adviser, officer, person, youngPersonUser, parent);
    }

    private static async Task<WebSession> SignedInAsync(WaypointWebFactory factory, WaypointUser user)
    {
        var session = factory.CreateSession();
        var signIn = await session.SignInAsync(user.Email!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        return session;
    }

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<PageResponse> RecordInterviewAsync(WebSession adviser, Guid personId, DateOnly today)
    {
        var fields = new Dictionary<string, string>
        {
            ["Type"] = nameof(ContactType.GuidanceInterview),
            ["Channel"] = nameof(ContactChannel.FaceToFace),
            ["DurationMinutes"] = "45",
            ["Location"] = "Careers room",
            ["Outcome"] = "Wants to train as a bricklayer",
            ["Note"] = SecretNote,
            ["Sensitivity"] = nameof(NoteSensitivity.Safeguarding),
            ["ActionDescription"] = "Apply for the bricklaying course at Oxford College",
            ["ActionOwner"] = nameof(ActionOwner.YoungPerson),
        };
        foreach (var (k, v) in Date("OccurredOn", today).Concat(Date("ActionDueOn", today.AddDays(11))))
        {
            fields[k] = v;
        }

        return await adviser.PostFormAsync($"/young-people/{personId}/casework/contact", fields);
    }

    private static async Task<PageResponse> ReferAsync(WebSession adviser, Guid personId, DateOnly today, ReferralService service, string reason, string? designatedPerson)
    {
        var fields = new Dictionary<string, string>
        {
            ["Service"] = service.ToString(),
            ["Reason"] = reason,
            ["Safeguarding"] = designatedPerson is null ? "no" : "yes",
            ["DesignatedPerson"] = designatedPerson ?? "",
        };
        foreach (var (k, v) in Date("MadeOn", today))
        {
            fields[k] = v;
        }

        return await adviser.PostFormAsync($"/young-people/{personId}/casework/referral", fields);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task GuidanceInterview_WithActionPlanAndSensitiveNote_YoungPersonSeesPlanNotNote_ParentSeesNeitherNoteNorSafeguarding(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var w = await WorldAsync(factory);
        var today = factory.Data.Today;
        using var adviser = await SignedInAsync(factory, w.Adviser);

        // Act: the adviser records the interview, a safeguarding concern and an ordinary referral
        var invalid = await adviser.PostFormAsync($"/young-people/{w.Person.Id}/casework/contact", new Dictionary<string, string> { ["Note"] = "x" });
        var recorded = await RecordInterviewAsync(adviser, w.Person.Id, today);
        var noDsl = await ReferAsync(adviser, w.Person.Id, today, ReferralService.SocialCare, "Concern raised at interview", designatedPerson: "");
        var safeguarding = await ReferAsync(adviser, w.Person.Id, today, ReferralService.SocialCare, "Concern raised at interview", designatedPerson: "Sam Patel");
        var jobClub = await ReferAsync(adviser, w.Person.Id, today, ReferralService.EmploymentSupport, "Job club on Tuesdays", designatedPerson: null);
        var casework = await adviser.GetAsync($"/young-people/{w.Person.Id}/casework");
        using var youngPerson = await SignedInAsync(factory, w.YoungPersonUser);
        var me = await youngPerson.GetAsync("/me");
        var myPlan = await youngPerson.GetAsync("/me/plan");
        var youngPersonCasework = await youngPerson.GetAsync($"/young-people/{w.Person.Id}/casework");
        using var parent = await SignedInAsync(factory, w.Parent);
        var family = await parent.GetAsync("/family");
        var parentCasework = await parent.GetAsync($"/young-people/{w.Person.Id}/casework");

        // Assert: the forms validated and saved
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("Choose the kind of contact", invalid.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noDsl.Status);
        Assert.Equal(["Enter the name of the designated safeguarding person you told"], noDsl.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, safeguarding.Status);
        Assert.Equal(HttpStatusCode.Redirect, jobClub.Status);

        // Assert: the adviser's list masks the note and shows the plan and both referrals
        var contacts = casework.Document.QuerySelector("#contact-list")!.TextContent;
        Assert.DoesNotContain(SecretNote, casework.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sensitive note hidden", contacts, StringComparison.Ordinal);
        Assert.Contains("Wants to train as a bricklayer", contacts, StringComparison.Ordinal);
        Assert.Contains("Apply for the bricklaying course at Oxford College", casework.Document.QuerySelector("#actions")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, casework.Document.QuerySelectorAll(".app-referral").Length);
        Assert.Contains("Sam Patel", casework.Document.Body!.TextContent, StringComparison.Ordinal);

        // Assert: the young person sees the plan, in plain language, but not the note
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Contains("Apply for the bricklaying course at Oxford College", me.Document.QuerySelector("#my-actions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretNote, me.Document.Body!.TextContent, StringComparison.Ordinal);
        var planText = myPlan.Document.QuerySelector("#plan-open")!.TextContent;
        Assert.Contains("Who does it: You.", planText, StringComparison.Ordinal);
        Assert.Contains($"Do it by {today.AddDays(11):dddd d MMMM yyyy}", planText, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretNote, myPlan.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/errors/403", ForbiddenPath(youngPersonCasework));

        // Assert: the parent sees the plan and the job club referral, never the note or the safeguarding concern
        var child = family.Document.Body!.TextContent;
        Assert.Contains("Apply for the bricklaying course at Oxford College", child, StringComparison.Ordinal);
        Assert.Contains("Employment support", family.Document.QuerySelector(".app-family-referrals")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretNote, child, StringComparison.Ordinal);
        Assert.DoesNotContain("social care", child, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sam Patel", child, StringComparison.Ordinal);
        Assert.DoesNotContain("Concern raised", child, StringComparison.Ordinal);
        Assert.Equal("/errors/403", ForbiddenPath(parentCasework));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SensitiveNoteViewsAndReferralChanges_AreAllInTheAuditTrail(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var w = await WorldAsync(factory);
        var today = factory.Data.Today;
        using var adviser = await SignedInAsync(factory, w.Adviser);
        await RecordInterviewAsync(adviser, w.Person.Id, today);
        await ReferAsync(adviser, w.Person.Id, today, ReferralService.SocialCare, "Concern raised at interview", designatedPerson: "Sam Patel");
        var casework = await adviser.GetAsync($"/young-people/{w.Person.Id}/casework");
        var noteLink = casework.Document.QuerySelector(".app-masked-note a")!.GetAttribute("href")!;
        var summary = await adviser.GetAsync($"/young-people/{w.Person.Id}/casework/transfer-summary");
        var referralId = casework.Document.QuerySelector(".app-referral input[name=referralId]")!.GetAttribute("value")!;
        using var officer = await SignedInAsync(factory, w.Officer);

        // Act
        var first = await adviser.GetAsync(noteLink);
        var second = await adviser.GetAsync(noteLink);
        var officerList = await officer.GetAsync($"/young-people/{w.Person.Id}/casework");
        var officerTry = await officer.GetAsync(noteLink);
        var accepted = await adviser.PostFormAsync($"/young-people/{w.Person.Id}/casework?handler=ReferralStatus",
            new Dictionary<string, string> { ["referralId"] = referralId, ["status"] = nameof(ReferralStatus.Accepted), ["outcome"] = "Early Help assessment started" });
        var closed = await adviser.PostFormAsync($"/young-people/{w.Person.Id}/casework?handler=ReferralStatus",
            new Dictionary<string, string> { ["referralId"] = referralId, ["status"] = nameof(ReferralStatus.Closed), ["outcome"] = "" });

        // Assert: the transfer summary carries the open action and the safeguarding route, never the note
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Contains("Apply for the bricklaying course", summary.Document.QuerySelector("#transfer-actions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("designated person Sam Patel", summary.Document.QuerySelector("#transfer-referrals")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(w.Person.DateOfBirth.AddYears(19).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), summary.Document.QuerySelector("#moves-on")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretNote, summary.Document.Body!.TextContent, StringComparison.Ordinal);

        // Assert: the adviser reads the note; the tracking officer (not a configured role) sees it masked, without a link, and is refused
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(SecretNote, first.Document.QuerySelector("#sensitive-note")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("Sensitive note hidden", officerList.Document.QuerySelector("#contact-list")!.TextContent, StringComparison.Ordinal);
        Assert.Null(officerList.Document.QuerySelector(".app-masked-note a"));
        Assert.Equal("/errors/403", ForbiddenPath(officerTry));
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);

        // Assert: every view, the refusal, and every referral change is audited, without the note's text
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == w.Person.Id || (e.Action == AuditActions.SensitiveNoteViewed && e.UserId == w.Officer.Id)));
        var views = events.Where(e => e.Action == AuditActions.SensitiveNoteViewed).ToList();
        Assert.Equal(2, views.Count(e => e.Outcome == AuditOutcome.Succeeded && e.UserId == w.Adviser.Id));
        Assert.Single(views, e => e.Outcome == AuditOutcome.Denied && e.UserId == w.Officer.Id);
        Assert.Single(events, e => e.Action == AuditActions.ReferralMade && e.Details!.Contains("\"safeguarding\":true", StringComparison.Ordinal) && e.Details.Contains("Sam Patel", StringComparison.Ordinal));
        var updates = events.Where(e => e.Action == AuditActions.ReferralUpdated).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Contains("Early Help assessment started", updates[0].Details!, StringComparison.Ordinal);
        Assert.Contains("\"newValue\":\"Closed\"", updates[1].Details!, StringComparison.Ordinal);
        Assert.Single(events, e => e.Action == AuditActions.ContactRecorded);
        Assert.Single(events, e => e.Action == AuditActions.TransferSummaryExported);
        Assert.DoesNotContain(events, e => e.Details?.Contains(SecretNote, StringComparison.Ordinal) == true);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task BecomingNeet_FollowUpDueInFiveWorkingDaysSkippingChristmas_IsOverdueOnMyDayTheDayAfter(DatabaseProvider provider)
    {
        // Arrange: Monday 21 December 2026. Five working days skip the 25th (Christmas), the weekend and the 28th
        // (Boxing Day substitute): 22, 23, 24, 29, 30. Due Wednesday 30 December.
        await using var factory = new WaypointWebFactory(provider);
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero));
        var w = await WorldAsync(factory);
        var actor = new Actor(w.Officer.Id, w.Officer.DisplayName, WaypointRole.TrackingOfficer, w.La.Id, La, null);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var participation = scope.ServiceProvider.GetRequiredService<ParticipationService>();
            var today = new DateOnly(2026, 12, 21);
            await participation.RecordActivityAsync(actor, new RecordActivityOptions(w.Person.Id, w.Person.Version,
                new ActivityEntry("619", today, today, null, null, null, today, null, null), null, "Phone call with the young person"));
        }

        async Task<PageResponse> MyDayOnAsync(int day)
        {
            factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, day, 9, 0, 0, TimeSpan.Zero));
            using var session = await SignedInAsync(factory, w.Adviser);
            return await session.GetAsync("/adviser");
        }

        static string? Section(PageResponse page, string id) => page.Document.QuerySelector($"#{id}-tasks")?.TextContent;

        // Act
        var christmasEve = await MyDayOnAsync(24);
        var dueDay = await MyDayOnAsync(30);
        var dayAfter = await MyDayOnAsync(31);

        // Assert
        var task = Assert.Single(await TasksAsync(factory, w.Person.Id));
        Assert.Equal(FollowUpKind.BecameNeet, task.Kind);
        Assert.Equal(w.Adviser.Id, task.AssignedToUserId);
        Assert.Equal(new DateOnly(2026, 12, 30), task.DueOn);
        Assert.Contains(w.Person.DisplayName, Section(christmasEve, "upcoming"), StringComparison.Ordinal);
        Assert.Null(Section(christmasEve, "overdue"));
        Assert.Contains(w.Person.DisplayName, Section(dueDay, "due-today"), StringComparison.Ordinal);
        Assert.Null(Section(dueDay, "overdue"));
        Assert.Contains(w.Person.DisplayName, Section(dayAfter, "overdue"), StringComparison.Ordinal);
        Assert.Contains("30 Dec 2026", Section(dayAfter, "overdue"), StringComparison.Ordinal);
        Assert.Equal("Overdue (1)", dayAfter.Document.QuerySelector("#overdue")!.TextContent.Trim());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CaseloadBySchoolAndTransfer_MovesPeopleAndTheirFollowUps_TeamLeaderSeesTheLoad(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, La);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, La);
        var leader = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var leaving = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var pupils = new List<YoungPerson>();
        for (var i = 0; i < 3; i++)
        {
            pupils.Add(await factory.Data.CreateYoungPersonAsync(p => { p.LeadLaCode = La; p.SchoolId = school.Id; p.LevelOfNeed = i + 1; }));
        }

        using var leaderSession = await SignedInAsync(factory, leader);
        using var leavingSession = await SignedInAsync(factory, leaving);
        await leavingSession.PostFormAsync("/adviser/register?handler=Profile", new Dictionary<string, string> { ["TeamLeaderUserId"] = leader.Id.ToString() });

        // Act: assign the school to the adviser who then leaves, add a follow-up, and transfer their caseload to the leader
        var assigned = await leaderSession.PostFormAsync("/adviser/caseload?handler=Assign", new Dictionary<string, string>
        {
            ["AdviserUserId"] = leaving.Id.ToString(), ["Rule"] = nameof(CaseloadRule.School), ["SchoolId"] = school.Id.ToString(), ["OnlyUnassigned"] = "true",
        });
        var teamBefore = await leaderSession.GetAsync("/adviser/caseload?team=true");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.FollowUpTasks.Add(new FollowUpTask { YoungPersonId = pupils[0].Id, AssignedToUserId = leaving.Id, Kind = FollowUpKind.Manual, Title = "Ring about the open evening", DueOn = factory.Data.Today.AddDays(-1), CreatedAt = factory.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        var transferred = await leaderSession.PostFormAsync("/adviser/caseload?handler=Transfer", new Dictionary<string, string>
        {
            ["FromAdviserUserId"] = leaving.Id.ToString(), ["ToAdviserUserId"] = leader.Id.ToString(),
        });
        var teamAfter = await leaderSession.GetAsync("/adviser/caseload?team=true");
        var myDay = await leaderSession.GetAsync("/adviser");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        Assert.Equal(HttpStatusCode.Redirect, transferred.Status);
        string Row(PageResponse page, WaypointUser user) => page.Document.QuerySelectorAll("#team-load tbody tr").Single(r => r.TextContent.Contains(user.DisplayName, StringComparison.Ordinal)).TextContent;
        Assert.Matches(@"\s3\s+1\s+1\s+1\s+0\s+0", Row(teamBefore, leaving));
        Assert.Matches(@"\s0\s+0\s+0\s+0\s+0\s+0", Row(teamAfter, leaving));
        Assert.Matches(@"\s3\s+1\s+1\s+1\s+1\s+1", Row(teamAfter, leader));
        Assert.Contains("Ring about the open evening", myDay.Document.QuerySelector("#overdue-tasks")!.TextContent, StringComparison.Ordinal);
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.AdviserAssigned && e.UserId == leader.Id));
        Assert.Equal(6, events.Count(e => pupils.Any(p => p.Id == e.YoungPersonId)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AdviserRegister_UnqualifiedOrOverdueAdvisers_AreListedForTheLa(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "968");
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, la.Id);
        var qualified = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var unqualified = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var today = factory.Data.Today;
        using var q = await SignedInAsync(factory, qualified);
        var badLevel = await q.PostFormAsync("/adviser/register?handler=Qualification", new Dictionary<string, string> { ["Title"] = "Diploma" });
        var level6 = new Dictionary<string, string> { ["Level"] = "6", ["Title"] = "Level 6 Diploma in Career Guidance and Development" };
        foreach (var (k, v) in Date("AwardedOn", new DateOnly(2019, 7, 1)))
        {
            level6[k] = v;
        }

        await q.PostFormAsync("/adviser/register?handler=Qualification", level6);
        var profile = Date("TrainingNeedsAuditOn", today.AddMonths(-2));
        profile["ProfessionalBody"] = "Career Development Institute";
        await q.PostFormAsync("/adviser/register?handler=Profile", profile);
        var cpd = Date("CompletedOn", today.AddDays(-10));
        cpd["CpdTitle"] = "Labour market information update";
        cpd["Hours"] = "3.5";
        await q.PostFormAsync("/adviser/register?handler=Cpd", cpd);
        using var u = await SignedInAsync(factory, unqualified);
        var level3 = new Dictionary<string, string> { ["Level"] = "3", ["Title"] = "Certificate in Advice and Guidance" };
        foreach (var (k, v) in Date("AwardedOn", new DateOnly(2024, 7, 1)))
        {
            level3[k] = v;
        }

        await u.PostFormAsync("/adviser/register?handler=Qualification", level3);

        // Act
        using var la1 = await SignedInAsync(factory, admin);
        var problems = await la1.GetAsync("/adviser/register?problems=true");
        var everyone = await la1.GetAsync("/adviser/register");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.Status);
        Assert.Contains("Choose the level of the qualification", badLevel.ErrorSummary);
        var problemRows = problems.Document.QuerySelectorAll("#register-table tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(problemRows);
        Assert.Contains(unqualified.DisplayName, row, StringComparison.Ordinal);
        Assert.Contains("Unqualified", row, StringComparison.Ordinal);
        Assert.Contains("Audit overdue", row, StringComparison.Ordinal);
        var good = everyone.Document.QuerySelectorAll("#register-table tbody tr").Single(r => r.TextContent.Contains(qualified.DisplayName, StringComparison.Ordinal)).TextContent;
        Assert.Contains("Level 6", good, StringComparison.Ordinal);
        Assert.Contains("3.5", good, StringComparison.Ordinal);
        Assert.Contains("Up to date", good, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task WeeklyDigest_AdviserWithOpenFollowUps_GetsCountsInTheOutboxWithoutNames(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var w = await WorldAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var today = factory.Data.Today;
            foreach (var due in new[] { today.AddDays(-3), today.AddDays(-1), today.AddDays(2), today.AddDays(20) })
            {
                db.FollowUpTasks.Add(new FollowUpTask { YoungPersonId = w.Person.Id, AssignedToUserId = w.Adviser.Id, Kind = FollowUpKind.Manual, Title = "Check in", DueOn = due, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime });
            }

            await db.SaveChangesAsync();
        }

        // Act
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().SendAsync(Actor.System("test"), new Uri("https://waypoint.example"));
        }

        // Assert
        var mine = Directory.GetFiles(factory.Outbox, "*.json").Select(File.ReadAllText).Where(m => m.Contains(w.Adviser.Email!, StringComparison.Ordinal) && m.Contains("Your week in Waypoint", StringComparison.Ordinal)).ToList();
        var message = Assert.Single(mine);
        Assert.Contains("2 overdue, 1 due this week", message, StringComparison.Ordinal);
        Assert.Contains("https://waypoint.example/adviser", message, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Person.FamilyName, message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task WeeklyDigestSchedule_SendsOnceAMondayFromTheSetHour(DatabaseProvider provider)
    {
        // Arrange: the clock is Monday 10:00 UTC; the adviser has an open follow-up
        await using var factory = new WaypointWebFactory(provider);
        var w = await WorldAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.FollowUpTasks.Add(new FollowUpTask { YoungPersonId = w.Person.Id, AssignedToUserId = w.Adviser.Id, Kind = FollowUpKind.Manual, Title = "Check in", DueOn = factory.Data.Today.AddDays(2), CreatedAt = factory.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        // Act
        int? beforeTheHour, due, secondTick;
        var site = new Uri("https://waypoint.example");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var digest = scope.ServiceProvider.GetRequiredService<WeeklyDigest>();
            beforeTheHour = await digest.SendIfDueAsync(Actor.System("test schedule"), site, 11);
            due = await digest.SendIfDueAsync(Actor.System("test schedule"), site, 7);
            secondTick = await digest.SendIfDueAsync(Actor.System("test schedule"), site, 7);
        }

        // Assert
        Assert.Null(beforeTheHour);
        Assert.True(due >= 1);
        Assert.Null(secondTick);
        Assert.Single(Directory.GetFiles(factory.Outbox, "*.json").Select(File.ReadAllText),
            m => m.Contains(w.Adviser.Email!, StringComparison.Ordinal) && m.Contains("Your week in Waypoint", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Approaching18_TheScheduleOpensOneJobcentrePlusTaskForTheAdviser_AndNotTwice(DatabaseProvider provider)
    {
        // Arrange: one young person turns 18 in 40 days, another in 200
        await using var factory = new WaypointWebFactory(provider);
        var w = await WorldAsync(factory);
        var today = factory.Data.Today;
        var soon = await factory.Data.CreateYoungPersonAsync(p => { p.LeadLaCode = La; p.AdviserUserId = w.Adviser.Id; p.DateOfBirth = today.AddDays(40).AddYears(-18); }, yearGroup: 13);
        var later = await factory.Data.CreateYoungPersonAsync(p => { p.LeadLaCode = La; p.AdviserUserId = w.Adviser.Id; p.DateOfBirth = today.AddDays(200).AddYears(-18); }, yearGroup: 13);

        // Act
        int first, second;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var casework = scope.ServiceProvider.GetRequiredService<CaseworkService>();
            first = await casework.CreateDateRuleTasksAsync(Actor.System("test"));
            second = await casework.CreateDateRuleTasksAsync(Actor.System("test"));
        }

        // Assert
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var task = Assert.Single(await TasksAsync(factory, soon.Id));
        Assert.Equal(FollowUpKind.Approaching18, task.Kind);
        Assert.Equal(w.Adviser.Id, task.AssignedToUserId);
        Assert.Contains("Jobcentre Plus", task.Title, StringComparison.Ordinal);
        Assert.Equal(WorkingDays.Add(today, 5, new TrackingOptions().BankHolidays), task.DueOn);
        Assert.Empty(await TasksAsync(factory, later.Id));
    }

    private static string? ForbiddenPath(PageResponse page) =>
        page.Status == HttpStatusCode.Redirect && page.Location is { } location ? new Uri(new Uri("https://localhost"), location).AbsolutePath : $"{(int)page.Status}";

    private static async Task<List<FollowUpTask>> TasksAsync(WaypointWebFactory factory, Guid personId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        return db.FollowUpTasks.Where(t => t.YoungPersonId == personId).ToList();
    }
}
