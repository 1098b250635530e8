using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Organisations;
using Waypoint.Core.Risk;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Risk;

[Collection("web")]
public class RiskPagesTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static readonly string[] LaCodes = ["930", "940", "932", "933", "934", "935", "936", "937", "938", "939"];
    private static int nextLa;

    /// <summary>Each test its own LA, so recomputing one LA's scores never touches another test's pupils.</summary>
    private static string NextLa() => LaCodes[Interlocked.Increment(ref nextLa) % LaCodes.Length];

    private static async Task<YoungPerson> PupilAsync(WaypointWebFactory factory, string la, Guid schoolId, decimal attendance, bool fsm, bool carer = false) =>
        await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = la;
            p.SchoolId = schoolId;
            p.HasSenSupport = true;
            p.Census = new PupilCensusData { YoungPersonId = p.Id, AttendancePercent = attendance, FreeSchoolMeals = fsm, YoungCarer = carer, AsOf = factory.Data.Today };
        }, yearGroup: 10);

    private static async Task RecomputeAsync(WaypointWebFactory factory, string la)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiskService>().RecomputeAsync(Actor.System("test"), la);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task List_SchoolStaff_SeeOnlyTheirOwnPupilsScores(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = NextLa();
        var schoolA = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, la);
        var schoolB = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, la);
        var pupilA = await PupilAsync(factory, la, schoolA.Id, 84m, fsm: true);
        var pupilB = await PupilAsync(factory, la, schoolB.Id, 80m, fsm: true, carer: true);
        await RecomputeAsync(factory, la);
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, schoolA.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);

        // Act
        var list = await session.GetAsync("/risk");
        var own = await session.GetAsync($"/risk/{pupilA.Id}");
        var other = await session.GetAsync($"/risk/{pupilB.Id}");
        var otherFiltered = await session.GetAsync($"/risk?school={schoolB.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var text = list.Document.QuerySelector("#at-risk")!.TextContent;
        Assert.Contains(pupilA.DisplayName, text, StringComparison.Ordinal);
        Assert.Contains("attendance 84% (2 points), SEN support (1), free school meals (2)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(pupilB.DisplayName, list.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(pupilB.DisplayName, otherFiltered.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal("5", own.Document.QuerySelector("#points")!.TextContent.Trim()[..1]);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        var denied = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == leader.Id && e.Action == AuditActions.AccessDenied));
        Assert.Single(denied);
        Assert.Equal(pupilB.Id, denied[0].YoungPersonId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Remove_WithoutReason_RefusedAndWithReasonAuditedAndShown(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = NextLa();
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, la);
        var pupil = await PupilAsync(factory, la, school.Id, 82m, fsm: true);
        await RecomputeAsync(factory, la);
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);
        const string reason = "Attendance is back to normal since the family moved house; we see her every week.";

        // Act
        var refused = await session.PostFormAsync($"/risk/{pupil.Id}?handler=Decide", new Dictionary<string, string> { ["Reason"] = "  " });
        var removed = await session.PostFormAsync($"/risk/{pupil.Id}?handler=Decide", new Dictionary<string, string> { ["Reason"] = reason });
        var page = await session.GetAsync($"/risk/{pupil.Id}");
        var list = await session.GetAsync("/risk");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Enter why this young person should come off the at-risk list", refused.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Contains(reason, page.Document.QuerySelector("#decisions")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not on the at-risk list.", page.Document.QuerySelector("#list-status")!.TextContent.Trim());
        Assert.DoesNotContain(pupil.DisplayName, list.Document.QuerySelector("#at-risk")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(reason, list.Document.QuerySelector("#removed")!.TextContent, StringComparison.Ordinal);
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == pupil.Id && e.Action == AuditActions.RiskListRemoved));
        var audited = Assert.Single(events);
        Assert.Equal(reason, audited.Reason);
        Assert.Equal(leader.Id, audited.UserId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AssignAdviser_ShownOnPupilAndCountedInLaCoverage(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = NextLa();
        var laOrg = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, la);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, la);
        var pupil = await PupilAsync(factory, la, school.Id, 80m, fsm: true);
        var unsupported = await PupilAsync(factory, la, school.Id, 83m, fsm: true);
        await RecomputeAsync(factory, la);
        var adviser = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, laOrg.Id);
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, laOrg.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);

        // Act
        var noAdviser = await session.PostFormAsync($"/risk/{pupil.Id}?handler=Support", new Dictionary<string, string> { ["SupportKind"] = "Adviser" });
        var assigned = await session.PostFormAsync($"/risk/{pupil.Id}?handler=Support", new Dictionary<string, string> { ["SupportKind"] = "Adviser", ["AdviserUserId"] = adviser.Id.ToString() });
        var page = await session.GetAsync($"/risk/{pupil.Id}");
        var supportId = page.Document.QuerySelector("#supports input[name=SupportId]")!.GetAttribute("value")!;
        var noOutcome = await session.PostFormAsync($"/risk/{pupil.Id}?handler=Outcome", new Dictionary<string, string> { ["SupportId"] = supportId, ["Outcome"] = "" });
        await session.PostFormAsync($"/risk/{pupil.Id}?handler=Outcome", new Dictionary<string, string> { ["SupportId"] = supportId, ["Outcome"] = "Met twice; back in lessons full time" });
        var afterOutcome = await session.GetAsync($"/risk/{pupil.Id}");
        var coverageForSchool = await session.GetAsync("/risk/coverage");
        using var laSession = factory.CreateSession();
        await laSession.SignInAsync(admin.Email!, TestData.Password);
        var coverage = await laSession.GetAsync("/risk/coverage");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, noAdviser.Status);
        Assert.Contains("Choose the adviser", noAdviser.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        Assert.Contains(adviser.DisplayName, page.Document.QuerySelector("#supports")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.Status);
        Assert.Contains("Enter what came of the support", noOutcome.ErrorSummary);
        Assert.Contains("Outcome: Met twice; back in lessons full time", afterOutcome.Document.QuerySelector("#supports")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, coverageForSchool.Status);
        Assert.Contains("/errors/403", coverageForSchool.Location, StringComparison.Ordinal);
        var row = coverage.Document.QuerySelectorAll("#coverage tbody tr").Single(r => r.TextContent.Contains(school.Name, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2", "1", "50%"], cells);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == pupil.Id && e.Action == AuditActions.RiskSupportAssigned)));
        Assert.NotEqual(pupil.Id, unsupported.Id);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task BackTest_SyntheticHistory_ShowsPointsAndModelSideBySide(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        const string la = "944";
        var laOrg = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, la);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            if (!db.RiskHistory.Any(h => h.LaCode == la))
            {
                db.RiskHistory.AddRange(RiskHistoryGenerator.Generate(la, 2022, 4, 2500, seed: 9));
                await db.SaveChangesAsync();
            }
        }

        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, laOrg.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(admin.Email!, TestData.Password);

        // Act
        var page = await session.GetAsync("/risk/backtest?cohort=2025");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var pointsAuc = double.Parse(page.Document.QuerySelector("#points-auc")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var modelAuc = double.Parse(page.Document.QuerySelector("#model-auc")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(modelAuc > pointsAuc, $"model {modelAuc} points {pointsAuc}");
        Assert.NotNull(page.Document.QuerySelector("#by-group"));
        Assert.NotNull(page.Document.QuerySelector("#calibration-model"));
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.UserId == admin.Id && e.Action == AuditActions.RiskBackTestRun)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task IndicatorSet_DataTeamSavesNewVersion_ScoresUseAndRecordIt(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = NextLa();
        var laOrg = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, la);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, la);
        var pupil = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = la;
            p.SchoolId = school.Id;
            p.Census = new PupilCensusData { YoungPersonId = p.Id, AttendancePercent = 96m, Ks2ScaledScore = 95, AsOf = factory.Data.Today };
        }, yearGroup: 8);
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, laOrg.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(admin.Email!, TestData.Password);
        var form = await session.GetAsync("/risk/indicators");
        var fields = form.Document.QuerySelectorAll("#rules input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        var ks2Field = form.Document.QuerySelectorAll("#rules tr").Single(r => r.TextContent.Contains("Key stage 2 scaled score below 100", StringComparison.Ordinal))
            .QuerySelector("input")!.GetAttribute("name")!;
        fields[ks2Field] = "3";
        fields["OfferFrom"] = "1";
        fields["AdditionalFrom"] = "2";
        fields["SubstantialFrom"] = "3";
        fields["ListFrom"] = "3";
        fields["Name"] = "Adds prior attainment";

        // Act
        var bad = await session.PostFormAsync("/risk/indicators", new Dictionary<string, string>(fields) { ["OfferFrom"] = "x" });
        var saved = await session.PostFormAsync("/risk/indicators", fields);
        await session.PostFormAsync("/risk?handler=Recompute", new Dictionary<string, string>());
        var page = await session.GetAsync($"/risk/{pupil.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Enter the points to offer support from as a whole number from 1 to 50", bad.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("key stage 2 score 95 (3 points)", page.Document.QuerySelector("#reasons")!.TextContent.Trim());
        Assert.Contains("indicator set version 2", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("On the at-risk list.", page.Document.QuerySelector("#list-status")!.TextContent.Trim());
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.UserId == admin.Id && e.Action == AuditActions.RiskIndicatorSetSaved)));
    }
}
