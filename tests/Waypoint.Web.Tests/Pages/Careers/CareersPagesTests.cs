using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Careers;

/// <summary>Careers programmes (issue 7): registers raise the evidence, schools are kept apart, the programme is public. LA codes 950-959.</summary>
[Collection("web")]
public class CareersPagesTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static async Task<Guid> FormAsync(WaypointWebFactory factory, Guid schoolId, string name, params YoungPerson[] pupils)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var group = new PupilGroup { SchoolId = schoolId, Name = name, Kind = PupilGroupKind.Form };
        group.Members.AddRange(pupils.Select(p => new PupilGroupMember { YoungPersonId = p.Id }));
        db.PupilGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    private static async Task<PageResponse> PostAsync(WebSession session, PageResponse page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        return new PageResponse(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    private static List<KeyValuePair<string, string>> Activity(CareersActivityType type, string title, DateOnly date, IEnumerable<Guid> pupils) =>
    [
        new("Type", type.ToString()), new("Title", title), new("Date.Day", date.Day.ToString()), new("Date.Month", date.Month.ToString()),
        new("Date.Year", date.Year.ToString()), new("InSchoolHours", "yes"), new("TwoWayInteraction", "true"),
        new("Purpose", "See a real workplace"), new("LearningOutcomes", "Name three jobs on site"),
        .. pupils.Select(p => new KeyValuePair<string, string>("Pupils", p.ToString())),
    ];

    private static string Evidence(PageResponse page, string area) => page.Document.QuerySelector($"#{area} [data-evidence]")!.TextContent;

    private static List<string> GapIds(PageResponse page) =>
        page.Document.QuerySelectorAll("#gaps tr[data-pupil]").Select(r => r.GetAttribute("data-pupil")!).ToList();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RecordWorkplaceVisit_ForAYear10Form_RaisesBenchmark6EvidenceAndLeavesTheGapsList(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "950");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var form = new List<YoungPerson>();
        for (var i = 0; i < 3; i++)
        {
            form.Add(await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 10));
        }

        var otherForm = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 10);
        var formId = await FormAsync(factory, school.Id, "10W", [.. form]);
        await FormAsync(factory, school.Id, "10X", otherForm);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);

        var before = await session.GetAsync("/school/careers/benchmarks");
        var gapsBefore = await session.GetAsync("/school/careers/gaps?measure=WorkplaceExperienceBy16");
        var register = await session.GetAsync($"/school/careers/activities/new?group={formId}&type=WorkplaceVisit");
        var ticked = register.Document.QuerySelectorAll("#register input[name=Pupils][checked]").Select(i => i.GetAttribute("value")).ToList();
        var saved = await PostAsync(session, register, "/school/careers/activities/new",
            Activity(CareersActivityType.WorkplaceVisit, "Visit to Oxford bus depot", factory.Data.Today.AddDays(-3), form.Select(p => p.Id)));
        var after = await session.GetAsync("/school/careers/benchmarks");
        var gapsAfter = await session.GetAsync("/school/careers/gaps?measure=WorkplaceExperienceBy16&form=10W");
        var gapsAll = await session.GetAsync("/school/careers/gaps?measure=WorkplaceExperienceBy16");

        Assert.Equal(form.Select(p => p.Id.ToString()).Order(), ticked.Order());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("0% of pupils due", Evidence(before, "bm6-by16"), StringComparison.Ordinal);
        Assert.Contains("75% of pupils due", Evidence(after, "bm6-by16"), StringComparison.Ordinal);
        Assert.Contains("1 pupil has not", Evidence(after, "bm6-by16"), StringComparison.Ordinal);
        Assert.Equal(4, GapIds(gapsBefore).Count);
        Assert.Empty(GapIds(gapsAfter));
        Assert.Equal([otherForm.Id.ToString()], GapIds(gapsAll));
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == leader.Id && e.Action == AuditActions.CareersParticipationRecorded));
        Assert.Equal(form.Select(p => (Guid?)p.Id).Order(), events.Select(e => e.YoungPersonId).Order());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RecordActivity_WithAnotherSchoolsPupil_RefusedNothingSavedAndTheirPupilsNeverShown(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "951");
        var other = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "951");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var ours = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 9);
        var theirs = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = other.Id, yearGroup: 9);
        var theirForm = await FormAsync(factory, other.Id, "9T", theirs);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);

        var page = await session.GetAsync("/school/careers/activities/new?group=year-9");
        var theirRegister = await session.GetAsync($"/school/careers/activities/new?group={theirForm}");
        var refused = await PostAsync(session, page, "/school/careers/activities/new",
            Activity(CareersActivityType.EmployerTalk, "Talk from a vet", factory.Data.Today, [ours.Id, theirs.Id]));
        var gaps = await session.GetAsync("/school/careers/gaps?measure=EmployerEncounterThisYear");

        Assert.Contains(ours.Id.ToString(), page.Document.QuerySelector("#register")!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id.ToString(), page.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id.ToString(), theirRegister.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Some of the pupils selected are not on your school's roll", refused.ErrorSummary);
        Assert.Equal([ours.Id.ToString()], GapIds(gaps));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        Assert.False(await db.CareersActivities.AnyAsync(a => a.SchoolId == school.Id));
        var denied = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == leader.Id && e.Action == AuditActions.AccessDenied));
        Assert.Equal(theirs.Id.ToString(), Assert.Single(denied).EntityId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PublishProgramme_ThenAnonymousVisitor_SeesTheLeaderSummaryImpactReviewAndPolicy(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "952");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);
        var form = await session.GetAsync("/school/careers/programme");

        var missing = await PostAsync(session, form, "/school/careers/programme?handler=Save", [new("CareersLeaderName", "Dana Reyes")]);
        var saved = await PostAsync(session, form, "/school/careers/programme?handler=Save",
        [
            new("CareersLeaderName", "Dana Reyes"), new("CareersLeaderEmail", "careers@school952.example"), new("CareersLeaderPhone", "01865 000952"),
            new("Summary", "A programme from Year 7 to Year 13 built on the Gatsby Benchmarks."), new("ImpactMeasurement", "Pupil surveys each July and destinations."),
            new("ProviderAccessPolicy", "Providers ask the Careers Leader by email.\nWe grant every request that fits the timetable."),
            new("NextReviewDate.Day", "31"), new("NextReviewDate.Month", "7"), new("NextReviewDate.Year", "2027"),
        ]);
        using var anonymous = factory.CreateSession();
        var published = await anonymous.GetAsync($"/careers-programmes/{school.Id}");
        var unknown = await anonymous.GetAsync($"/careers-programmes/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("Enter the provider access policy statement", missing.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, published.Status);
        var text = published.Document.Body!.TextContent;
        foreach (var expected in (string[])["Dana Reyes", "careers@school952.example", "01865 000952", "built on the Gatsby Benchmarks", "Pupil surveys each July", "31 July 2027", "We grant every request"])
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CareersPages_ProviderStaffAndAdvisers_SentTo403(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var college = await factory.Data.CreateOrganisationAsync(OrganisationKind.LearningProvider, "953");
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "953");
        foreach (var user in (WaypointUser[])[await factory.Data.CreateUserAsync(WaypointRole.ProviderStaff, college.Id), await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id)])
        {
            using var session = factory.CreateSession();
            await session.SignInAsync(user.Email!, TestData.Password);

            var page = await session.GetAsync("/school/careers/gaps?measure=EmployerEncounterThisYear");

            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/errors/403", page.Location, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ImportUpns_PreviewWritesNothingAndSaveAddsOnlyOwnPupils(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "954");
        var other = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "954");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var first = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 12);
        var second = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 12);
        var theirs = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = other.Id, yearGroup: 12);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);
        var form = await session.GetAsync("/school/careers/activities/new?group=year-12&none=true");
        var created = await PostAsync(session, form, "/school/careers/activities/new",
            Activity(CareersActivityType.HigherEducationVisit, "University open day", factory.Data.Today.AddDays(-1), [first.Id]));
        var detail = await session.GetAsync(created.Location!);

        var preview = await PostAsync(session, detail, $"{created.Location}?handler=Preview", [new("UpnList", $"UPN\n{second.Upn}\n{theirs.Upn}\n{first.Upn}")]);
        var countAfterPreview = await CountAsync(factory, school.Id);
        var save = await PostAsync(session, preview, $"{created.Location}?handler=Save",
            preview.Document.QuerySelectorAll("#preview input[name=Matched]").Select(i => new KeyValuePair<string, string>("Matched", i.GetAttribute("value")!)));

        Assert.Contains(theirs.Upn!, preview.Document.QuerySelector("#preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([second.Id.ToString()], preview.Document.QuerySelectorAll("#preview input[name=Matched]").Select(i => i.GetAttribute("value")));
        Assert.Equal(1, countAfterPreview);
        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        Assert.Equal(2, await CountAsync(factory, school.Id));
    }

    private static async Task<int> CountAsync(WaypointWebFactory factory, Guid schoolId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaypointDbContext>().CareersParticipations.CountAsync(p => p.SchoolId == schoolId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Reflection_PupilWritesOnTheirOwnActivity_SchoolSeesItAndAnotherPupilCannotTouchIt(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "955");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var pupil = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 10);
        var classmate = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 10);
        var pupilUser = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: pupil.Id);
        var classmateUser = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: classmate.Id);
        using var staff = factory.CreateSession();
        await staff.SignInAsync(leader.Email!, TestData.Password);
        var register = await staff.GetAsync("/school/careers/activities/new?group=year-10&type=WorkplaceVisit");
        var recorded = await PostAsync(staff, register, "/school/careers/activities/new",
            Activity(CareersActivityType.WorkplaceVisit, "Visit to the hospital labs", factory.Data.Today.AddDays(-2), [pupil.Id, classmate.Id]));
        using var young = factory.CreateSession();
        await young.SignInAsync(pupilUser.Email!, TestData.Password);
        using var other = factory.CreateSession();
        await other.SignInAsync(classmateUser.Email!, TestData.Password);

        var mine = await young.GetAsync("/me/careers");
        var card = Assert.Single(mine.Document.QuerySelectorAll("[data-participation]"));
        var participationId = card.GetAttribute("data-participation")!;
        var tooLong = await PostAsync(young, mine, "/me/careers?handler=Reflect", [new("participationId", participationId), new("reflection", new string('x', 2001))]);
        var saved = await PostAsync(young, mine, "/me/careers?handler=Reflect",
            [new("participationId", participationId), new("reflection", "  I want to be a lab technician.\r\nAsk about the apprenticeship.  ")]);
        var afterSave = await young.GetAsync("/me/careers");
        var theirs = await other.GetAsync("/me/careers");
        var tampered = await PostAsync(other, theirs, "/me/careers?handler=Reflect", [new("participationId", participationId), new("reflection", "Overwritten")]);
        var detail = await staff.GetAsync(recorded.Location!);
        var staffOnPupilPage = await staff.GetAsync("/me/careers");

        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Contains("Visit to the hospital labs", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(["Your reflection must be 2,000 characters or fewer"], tooLong.ErrorSummary);
        Assert.Equal(new string('x', 2001), tooLong.Document.QuerySelector($"#reflection-{participationId}")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("I want to be a lab technician.\nAsk about the apprenticeship.", afterSave.Document.QuerySelector($"#reflection-{participationId}")!.TextContent);
        Assert.DoesNotContain(participationId, theirs.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, tampered.Status);
        Assert.Contains("1 of 2 pupils have written a reflection", detail.Document.QuerySelector("#reflection-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("lab technician", detail.Document.QuerySelector($"#register li[data-pupil='{pupil.Id}'] [data-reflection]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(detail.Document.QuerySelector($"#register li[data-pupil='{classmate.Id}'] [data-reflection]"));
        Assert.NotEqual(HttpStatusCode.OK, staffOnPupilPage.Status);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var stored = await db.CareersParticipations.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(participationId));
        Assert.Equal("I want to be a lab technician.\nAsk about the apprenticeship.", stored.Reflection);
        Assert.Equal(pupil.Id, stored.YoungPersonId);
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.EntityId == participationId));
        Assert.Single(events, e => e.Action == AuditActions.CareersReflectionSaved && e.UserId == pupilUser.Id && e.YoungPersonId == pupil.Id);
        Assert.Single(events, e => e.Action == AuditActions.AccessDenied && e.UserId == classmateUser.Id);
        // Opened, shown again with the error, opened after saving.
        Assert.Equal(3, (await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.CareersOwnActivitiesViewed && e.YoungPersonId == pupil.Id))).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task WorkExperienceHours_InYear11_ShownTowardsTwoWeeksOnTheBy18GapsList(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "957");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var student = await factory.Data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup: 12);
        using var session = factory.CreateSession();
        await session.SignInAsync(leader.Email!, TestData.Password);
        var register = await session.GetAsync("/school/careers/activities/new?group=year-12&type=WorkExperience");

        // 6 July 2026: the student was in Year 11, so the placement counts by 16 and they still need one by 18.
        var saved = await PostAsync(session, register, "/school/careers/activities/new",
            [.. Activity(CareersActivityType.WorkExperience, "Week at the county council", new DateOnly(2026, 7, 6), [student.Id]), new("Hours", "35")]);
        var gaps = await session.GetAsync("/school/careers/gaps?measure=WorkplaceExperienceBy18");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal([student.Id.ToString()], GapIds(gaps));
        Assert.Equal("35", gaps.Document.QuerySelector($"#gaps tr[data-pupil='{student.Id}'] [data-hours]")!.TextContent.Trim());
        Assert.Contains("of 60 two weeks", gaps.Document.QuerySelector("#gaps thead")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Destinations_PerLeavingYear_CountEveryLeaverAndNameOnlyOwnSixthFormOrConsented(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "956");
        var otherSchool = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "956");
        var college = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "956");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var otherLeader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, otherSchool.Id);
        var today = factory.Data.Today;
        Activity Record(string code, DateOnly start, Organisation? at) => new()
        {
            Code = code, StartDate = start, DateAscertained = today.AddDays(-10), DateVerified = today.AddDays(-10),
            EstablishmentNumber = at?.LaEstab, EstablishmentName = at?.Name, Source = "Test",
        };

        // Year 11 in 2025/26 (now Year 12) and in 2024/25 (now Year 13); the clock is 23 November 2026.
        Activity Year11(Organisation at, int yearGroup) => Record("110", new DateOnly(2025 - (yearGroup - 12), 9, 4), at);
        var stayed = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.SchoolId = school.Id;
            p.Activities.AddRange([Year11(school, 12), Record("210", new(2026, 9, 3), school)]);
        }, yearGroup: 12);
        var toCollege = await factory.Data.CreateYoungPersonAsync(p => p.Activities.AddRange([Year11(school, 12), Record("230", new(2026, 9, 7), college)]), yearGroup: 12);
        var neet = await factory.Data.CreateYoungPersonAsync(p => p.Activities.AddRange([Year11(school, 12), Record("230", new(2026, 9, 7), college), Record("619", new(2026, 11, 2), null)]), yearGroup: 12);
        var apprentice = await factory.Data.CreateYoungPersonAsync(p => p.Activities.AddRange([Year11(school, 13), Record("310", new(2025, 9, 1), null)]), yearGroup: 13);
        var elsewhere = await factory.Data.CreateYoungPersonAsync(p => p.Activities.AddRange([Year11(otherSchool, 12), Record("230", new(2026, 9, 7), college)]), yearGroup: 12);

        // On this school's roll in Year 7 (a roll records 110 from Year 7), then the other school's until after Year 11.
        var moved = await factory.Data.CreateYoungPersonAsync(p => p.Activities.AddRange(
            [Record("110", new(2021, 9, 5), school), Record("110", new(2022, 9, 5), otherSchool), Record("230", new(2026, 9, 7), college)]), yearGroup: 12);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.DestinationSharingConsents.AddRange(
                new DestinationSharingConsent { YoungPersonId = apprentice.Id, GivenAt = factory.Clock.GetUtcNow().UtcDateTime },
                new DestinationSharingConsent { YoungPersonId = moved.Id, GivenAt = factory.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        var youngUser = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: toCollege.Id);
        using var young = factory.CreateSession();
        await young.SignInAsync(youngUser.Email!, TestData.Password);
        using var staff = factory.CreateSession();
        await staff.SignInAsync(leader.Email!, TestData.Password);
        using var otherStaff = factory.CreateSession();
        await otherStaff.SignInAsync(otherLeader.Email!, TestData.Password);

        var before = await staff.GetAsync("/school/careers/destinations");
        var mine = await young.GetAsync("/me/careers");
        var noChoice = await PostAsync(young, mine, "/me/careers?handler=Share", []);
        var consented = await PostAsync(young, mine, "/me/careers?handler=Share", [new("share", "true")]);
        var after = await staff.GetAsync("/school/careers/destinations");
        var theirs = await otherStaff.GetAsync("/school/careers/destinations");

        string Cell(PageResponse page, int year, DestinationKind kind, string column) =>
            page.Document.QuerySelector($"[data-leaving-year='{year}'] tr[data-kind='{kind}'] [data-{column}]")?.TextContent.Trim() ?? "none";
        List<string> Named(PageResponse page, int year) =>
            page.Document.QuerySelectorAll($"[data-leaving-year='{year}'] tr[data-leaver]").Select(r => r.GetAttribute("data-leaver")!).ToList();
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("3 leavers", before.Document.QuerySelector("[data-leaving-year='2025'] h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 (33%)", Cell(before, 2025, DestinationKind.OwnSixthForm, "now"));
        Assert.Equal("1 (33%)", Cell(before, 2025, DestinationKind.OwnSixthForm, "first"));
        Assert.Equal("2 (67%)", Cell(before, 2025, DestinationKind.NotShared, "now"));
        Assert.Equal("none", Cell(before, 2025, DestinationKind.FurtherEducation, "now"));
        Assert.Equal("none", Cell(before, 2025, DestinationKind.Neet, "now"));
        Assert.Null(before.Document.QuerySelector("[data-leaving-year='2025'] [data-sustained]"));
        Assert.Equal("1 (100%)", Cell(before, 2024, DestinationKind.Apprenticeship, "first"));
        Assert.Contains("1 of the 1 leavers who shared their destination (100%) sustained", before.Document.QuerySelector("[data-leaving-year='2024'] [data-sustained]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([stayed.Id.ToString()], Named(before, 2025));
        Assert.Equal([apprentice.Id.ToString()], Named(before, 2024));
        Assert.DoesNotContain(elsewhere.Id.ToString(), before.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(moved.Id.ToString(), before.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(neet.Id.ToString(), after.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noChoice.Status);
        Assert.Single(noChoice.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, consented.Status);
        Assert.Equal(new[] { stayed.Id.ToString(), toCollege.Id.ToString() }.Order(), Named(after, 2025).Order());
        Assert.Equal("1 (33%)", Cell(after, 2025, DestinationKind.FurtherEducation, "now"));
        Assert.Equal("1 (33%)", Cell(after, 2025, DestinationKind.NotShared, "now"));
        Assert.Contains("Full-time education: further education", after.Document.QuerySelector($"tr[data-leaver='{toCollege.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 leavers", theirs.Document.QuerySelector("[data-leaving-year='2024'] h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 leavers", theirs.Document.QuerySelector("[data-leaving-year='2025'] h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([moved.Id.ToString()], Named(theirs, 2025));
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == leader.Id && e.Action == AuditActions.CareersDestinationsViewed));
        Assert.Equal(2, events.Count);
        var seen = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == leader.Id && e.Action == AuditActions.CareersDestinationSeen));
        Assert.Equal(new Guid?[] { stayed.Id, apprentice.Id, stayed.Id, apprentice.Id, toCollege.Id }.Order(), seen.Select(e => e.YoungPersonId).Order());
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == toCollege.Id && e.Action == AuditActions.DestinationSharingChanged)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Destinations_LeaverWhoMovedToAnotherLaKeptInTheSameDatabase_CountedOnceOnTheReceivingRecord(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "957");
        var college = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "957");
        var leader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var today = factory.Data.Today;
        var tracking = factory.Services.GetRequiredService<Waypoint.Core.Tracking.TrackingOptions>();
        List<Activity> History() =>
        [
            new() { Code = "110", StartDate = new(2025, 9, 4), DateAscertained = new(2025, 9, 4), EstablishmentNumber = school.LaEstab, Source = "Test" },
            new()
            {
                Code = "230", StartDate = new(2026, 9, 7), DateAscertained = today.AddDays(-10), DateVerified = today.AddDays(-10),
                EstablishmentNumber = college.LaEstab, EstablishmentName = college.Name, Source = "Test",
            },
        ];
        void MovedTo330(YoungPerson p)
        {
            p.CohortStatus = CohortStatus.T;
            p.CohortStatusChangedOn = new(2026, 10, 1);
            p.TransferredToLaCode = "330";
            p.Activities.AddRange(History());
        }

        // Moved to LA 330, which keeps its records in this database too: its record carries the history on.
        var left = await factory.Data.CreateYoungPersonAsync(MovedTo330, yearGroup: 12);
        var received = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = "330";
            p.PreviousYoungPersonsId = Waypoint.Core.Tracking.TransferService.YoungPersonsIdFor(tracking.NccisDatabaseId, left);
            p.Activities.AddRange(History());
        }, yearGroup: 12);

        // Moved to LA 330 too, but no receiving record here: still this school's leaver, once.
        var movedAway = await factory.Data.CreateYoungPersonAsync(MovedTo330, yearGroup: 12);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            // Given on the record left behind, which their account still points to: it counts for the receiving record.
            db.DestinationSharingConsents.Add(new DestinationSharingConsent { YoungPersonId = left.Id, GivenAt = factory.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        using var staff = factory.CreateSession();
        await staff.SignInAsync(leader.Email!, TestData.Password);
        var page = await staff.GetAsync("/school/careers/destinations");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("2 leavers", page.Document.QuerySelector("[data-leaving-year='2025'] h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([received.Id.ToString()], page.Document.QuerySelectorAll("[data-leaving-year='2025'] tr[data-leaver]").Select(r => r.GetAttribute("data-leaver")!).ToList());
        Assert.Equal("1 (50%)", page.Document.QuerySelector($"[data-leaving-year='2025'] tr[data-kind='{DestinationKind.FurtherEducation}'] [data-now]")?.TextContent.Trim());
        Assert.Equal("1 (50%)", page.Document.QuerySelector($"[data-leaving-year='2025'] tr[data-kind='{DestinationKind.NotShared}'] [data-now]")?.TextContent.Trim());
        Assert.DoesNotContain(left.Id.ToString(), page.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(movedAway.Id.ToString(), page.Document.Body!.InnerHtml, StringComparison.Ordinal);
    }
}
