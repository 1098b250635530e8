using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Prospectus;
using Waypoint.Core.Tasks;
using Waypoint.Core.Users;
using Waypoint.TestCommon;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Prospectus;

/// <summary>The area prospectus and common application process. LA codes 970 to 989 belong to these tests.</summary>
[Collection("web")]
public class ProspectusTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static async Task<Course> CourseAsync(WaypointWebFactory factory, Organisation provider, string title, string subject, string postcode,
        QualificationType type = QualificationType.Technical, int level = 3, string description = "")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var course = new Course
        {
            ProviderId = provider.Id,
            Title = title,
            QualificationType = type,
            Level = level,
            SubjectArea = subject,
            EntryRequirements = "Five GCSEs at grade 4 or above",
            StartDate = new DateOnly(2027, 9, 6),
            DurationMonths = 24,
            StudyMode = StudyMode.FullTime,
            Venue = provider.Name,
            VenuePostcode = postcode,
            Capacity = 20,
            ApplicationDeadline = new DateOnly(2027, 3, 31),
            Description = description,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();

        // Written straight to the database, as another process would: the index would notice within seconds; say so now.
        factory.Services.GetRequiredService<CourseIndexCache>().Invalidate();
        return course;
    }

    private static List<string> ResultTitles(PageResponse page) =>
        page.Document.QuerySelectorAll("#results h3 a").Select(a => a.TextContent.Trim()).ToList();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Search_MisspeltQuery_FindsEngineeringCoursesOnly(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var college = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "970", "Abbey Fields College");
        await CourseAsync(factory, college, "T Level in Engineering, Manufacturing, Processing and Control", "Engineering and manufacturing", "OX1 1SA", QualificationType.TLevel);
        await CourseAsync(factory, college, "Electrical Installation", "Construction", "OX1 1SA", description: "For future electricians and building services engineers.");
        await CourseAsync(factory, college, "Diploma in Hairdressing", "Hair and beauty", "OX1 1SA", level: 2);
        await CourseAsync(factory, college, "A level Biology", "Biology", "OX1 1SA", QualificationType.ALevel);

        // Act: anonymous, as anyone searching the prospectus
        using var anyone = factory.CreateSession();
        var misspelt = await anyone.GetAsync($"/courses?q=enginering&provider={college.Id}");
        var stemmed = await anyone.GetAsync($"/courses?q=engineers&provider={college.Id}");
        var transposed = await anyone.GetAsync($"/courses?q=hiardressing&provider={college.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, misspelt.Status);
        var titles = ResultTitles(misspelt);
        Assert.Equal(2, titles.Count);
        Assert.Equal("T Level in Engineering, Manufacturing, Processing and Control", titles[0]);
        Assert.Contains("Electrical Installation", titles);
        Assert.Equal("2 courses found", misspelt.Document.QuerySelector("#results-count")!.TextContent.Trim());
        Assert.Equal(2, ResultTitles(stemmed).Count);
        Assert.Equal(["Diploma in Hairdressing"], ResultTitles(transposed));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Search_WithinRadiusOfPostcode_ReturnsOnlyCoursesInsideItNearestFirst(DatabaseProvider provider)
    {
        // Arrange: from OX1 1AA, OX2 is about 1.6 miles, OX4 2.1, OX3 2.2, OX14 5.5 and OX16 21.
        var factory = hosts.For(provider);
        var trainer = await factory.Data.CreateOrganisationAsync(OrganisationKind.LearningProvider, "971", "Shires Training");
        await CourseAsync(factory, trainer, "Plumbing at Cowley", "Construction", "OX4 2JZ", QualificationType.Apprenticeship, 2);
        await CourseAsync(factory, trainer, "Plumbing at Banbury", "Construction", "OX16 5DE", QualificationType.Apprenticeship, 2);
        await CourseAsync(factory, trainer, "Plumbing at Summertown", "Construction", "OX2 7DY", QualificationType.Apprenticeship, 2);
        await CourseAsync(factory, trainer, "Plumbing at Abingdon", "Construction", "OX14 1RB", QualificationType.Apprenticeship, 2);
        await CourseAsync(factory, trainer, "Plumbing at Headington", "Construction", "OX3 7PJ", QualificationType.Apprenticeship, 2);

        // Act
        using var anyone = factory.CreateSession();
        var nearby = await anyone.GetAsync($"/courses?q=plumbing&postcode=OX1+1AA&radius=5&sort=distance&provider={trainer.Id}");
        var everywhere = await anyone.GetAsync($"/courses?postcode=ox11aa&sort=distance&provider={trainer.Id}");
        var unknown = await anyone.GetAsync($"/courses?postcode=ZZ9+9ZZ&radius=5&provider={trainer.Id}");

        // Assert
        Assert.Equal(["Plumbing at Summertown", "Plumbing at Cowley", "Plumbing at Headington"], ResultTitles(nearby));
        var miles = nearby.Document.QuerySelectorAll("#results .app-distance").Select(d => double.Parse(d.TextContent.Replace("·", "").Replace("miles away", "").Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(miles.Order().ToList(), miles);
        Assert.All(miles, m => Assert.InRange(m, 0, 5));
        Assert.Equal(["Plumbing at Summertown", "Plumbing at Cowley", "Plumbing at Headington", "Plumbing at Abingdon", "Plumbing at Banbury"], ResultTitles(everywhere));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(["We could not find that postcode. Enter a full postcode in England, like OX1 1AA"], unknown.ErrorSummary);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CourseProviderAndCompare_Anonymous_ArePublic(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var college = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "972", "Ferry Hinksey College");
        var first = await CourseAsync(factory, college, "A level Chemistry", "Chemistry", "OX2 0AA", QualificationType.ALevel);
        var second = await CourseAsync(factory, college, "A level Physics", "Physics", "OX2 0AA", QualificationType.ALevel);
        var third = await CourseAsync(factory, college, "A level Mathematics", "Mathematics", "OX2 0AA", QualificationType.ALevel);
        var fourth = await CourseAsync(factory, college, "A level Further Mathematics", "Mathematics", "OX2 0AA", QualificationType.ALevel);

        // Act
        using var anyone = factory.CreateSession();
        var course = await anyone.GetAsync($"/courses/{first.Id}");
        var providerPage = await anyone.GetAsync($"/providers/{college.Id}");
        var compare = await anyone.GetAsync($"/courses/compare?id={first.Id}&id={second.Id}&id={third.Id}");
        var tooMany = await anyone.GetAsync($"/courses/compare?id={first.Id}&id={second.Id}&id={third.Id}&id={fourth.Id}");
        var missing = await anyone.GetAsync($"/courses/{Guid.NewGuid()}");
        var applications = await anyone.GetAsync("/me/applications");

        // Assert
        Assert.Equal("A level Chemistry", course.Heading);
        Assert.Contains("Five GCSEs", course.Document.QuerySelector("#course-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, providerPage.Document.QuerySelectorAll("#provider-courses tbody tr").Length);
        Assert.Equal(3, compare.Document.QuerySelectorAll("#compare thead th").Length);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal(["Choose no more than 3 courses to compare"], tooMany.ErrorSummary);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.Redirect, applications.Status);
        Assert.Contains("/account/sign-in", applications.Location, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SavedCourses_DeadlineReminder_GoesOnceAndNotForACourseAppliedFor(DatabaseProvider provider)
    {
        // Arrange: the clock is 23 November 2026; one saved course closes in 4 days, one in 3 but is applied for, one in March
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "988", "Binsey School");
        var college = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "988", "Medley College");
        var soon = await CourseAsync(factory, college, "Diploma in Animal Care", "Animal care", "OX2 0AA", level: 2);
        var appliedFor = await CourseAsync(factory, college, "Diploma in Floristry", "Floristry", "OX2 0AA", level: 2);
        var later = await CourseAsync(factory, college, "Diploma in Horticulture", "Horticulture", "OX2 0AA", level: 2);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            await db.Courses.Where(c => c.Id == soon.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ApplicationDeadline, new DateOnly(2026, 11, 27)));
            await db.Courses.Where(c => c.Id == appliedFor.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ApplicationDeadline, new DateOnly(2026, 11, 26)));
        }

        var pupil = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = "988";
            p.SchoolId = school.Id;
            p.Email = $"pupil.{Guid.NewGuid():N}@test.waypoint.test";
        }, yearGroup: 11);
        var pupilUser = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: pupil.Id);
        using var young = factory.CreateSession();
        await young.SignInAsync(pupilUser.Email!, TestData.Password);

        // Act: save the three courses from their pages (one twice), apply for one, remove none yet
        async Task<HttpResponseMessage> SaveAsync(Course course)
        {
            var page = await young.GetAsync($"/courses/{course.Id}");
            var token = page.Document.QuerySelector("form[action*='handler=Save'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await young.Client.PostAsync("/me/applications/saved?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["courseId"] = course.Id.ToString(),
            }));
        }

        var saved = new List<HttpResponseMessage> { await SaveAsync(soon), await SaveAsync(appliedFor), await SaveAsync(later), await SaveAsync(soon) };
        await young.PostFormAsync($"/me/applications/apply/{appliedFor.Id}", new Dictionary<string, string> { ["PersonalStatement"] = "I arrange flowers for our village show." });
        var list = await young.GetAsync("/me/applications/saved");
        int first, second;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<DeadlineReminders>();
            first = await reminders.SendDueAsync(Waypoint.Core.Access.Actor.System("test schedule"));
            second = await reminders.SendDueAsync(Waypoint.Core.Access.Actor.System("test schedule"));
        }

        var removeToken = list.Document.QuerySelector("form[action*='handler=Remove'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var removed = await young.Client.PostAsync("/me/applications/saved?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = removeToken, ["courseId"] = later.Id.ToString(),
        }));
        var afterRemoval = await young.GetAsync("/me/applications/saved");

        // Assert: the list, soonest deadline first, says which was applied for
        Assert.All(saved, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var rows = list.Document.QuerySelectorAll("#saved-courses tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Diploma in Floristry", rows[0], StringComparison.Ordinal);
        Assert.Contains("Applied", rows[0], StringComparison.Ordinal);
        Assert.Contains("Diploma in Animal Care", rows[1], StringComparison.Ordinal);
        Assert.Contains("27 Nov 2026", rows[1], StringComparison.Ordinal);
        Assert.Contains("Diploma in Horticulture", rows[2], StringComparison.Ordinal);

        // Assert: one reminder, for the course closing soon and not applied for, and not sent twice
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var reminder = Assert.Single(Directory.GetFiles(factory.Outbox, "*.json").Select(File.ReadAllText),
            m => m.Contains(pupil.Email!, StringComparison.Ordinal) && m.Contains("Apply by", StringComparison.Ordinal));
        Assert.Contains("Diploma in Animal Care", reminder, StringComparison.Ordinal);
        Assert.Contains("in 4 days", reminder, StringComparison.Ordinal);

        // Assert: removal, and every change audited against the young person
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, afterRemoval.Document.QuerySelectorAll("#saved-courses tbody tr").Length);
        await using var auditScope = factory.Services.CreateAsyncScope();
        var check = auditScope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        Assert.Equal(3, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.CourseSaved && e.YoungPersonId == pupil.Id));
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.CourseUnsaved && e.YoungPersonId == pupil.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ApplyOfferAccept_FullCycle_SetsSeptemberGuaranteeOfferMadeAndIntendedDestination(DatabaseProvider provider)
    {
        // Arrange: a Year 11 pupil at a school in LA 973, two colleges with a course each
        var factory = hosts.For(provider);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "973", "Godstow School");
        var collegeA = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "973", "Port Meadow College");
        var collegeB = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "973", "Wolvercote College");
        var courseA = await CourseAsync(factory, collegeA, "T Level in Digital Production, Design and Development", "Digital", "OX2 6NN", QualificationType.TLevel);
        var courseB = await CourseAsync(factory, collegeB, "BTEC Extended Diploma in Information Technology", "Digital", "OX2 8AA");
        var pupil = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = "973";
            p.SchoolId = school.Id;
            p.Email = $"pupil.{Guid.NewGuid():N}@test.waypoint.test";
        }, yearGroup: 11);
        var pupilUser = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: pupil.Id);
        var staffA = await factory.Data.CreateUserAsync(WaypointRole.ProviderStaff, collegeA.Id);
        var staffB = await factory.Data.CreateUserAsync(WaypointRole.ProviderStaff, collegeB.Id);
        using var young = factory.CreateSession();
        await young.SignInAsync(pupilUser.Email!, TestData.Password);
        using var providerA = factory.CreateSession();
        await providerA.SignInAsync(staffA.Email!, TestData.Password);
        using var providerB = factory.CreateSession();
        await providerB.SignInAsync(staffB.Email!, TestData.Password);

        // Act: apply to both, one without a statement first
        var noStatement = await young.PostFormAsync($"/me/applications/apply/{courseA.Id}", new Dictionary<string, string> { ["PersonalStatement"] = "" });
        var appliedA = await young.PostFormAsync($"/me/applications/apply/{courseA.Id}", new Dictionary<string, string> { ["PersonalStatement"] = "I build websites for my family's shop and want to be a developer." });
        var appliedB = await young.PostFormAsync($"/me/applications/apply/{courseB.Id}", new Dictionary<string, string> { ["PersonalStatement"] = "I like fixing computers." });
        var again = await young.PostFormAsync($"/me/applications/apply/{courseA.Id}", new Dictionary<string, string> { ["PersonalStatement"] = "Again." });
        var applicationA = Guid.Parse(appliedA.Location!.Split('/')[^1]);
        var applicationB = Guid.Parse(appliedB.Location!.Split('/')[^1]);

        // Act: provider A sees only its own application; it cannot open or decide provider B's
        var listA = await providerA.GetAsync("/provider/applications");
        var otherProvidersApplication = await providerA.GetAsync($"/provider/applications/{applicationB}");
        var token = (await providerA.GetAsync($"/provider/applications/{applicationA}")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var decideOther = await providerA.Client.PostAsync($"/provider/applications/{applicationB}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Decision"] = "UnconditionalOffer",
        }));
        var listB = await providerB.GetAsync("/provider/applications");

        // Act: provider A makes a conditional offer; the young person accepts it
        var noConditions = await providerA.PostFormAsync($"/provider/applications/{applicationA}", new Dictionary<string, string> { ["Decision"] = "ConditionalOffer", ["Conditions"] = "" });
        var offered = await providerA.PostFormAsync($"/provider/applications/{applicationA}", new Dictionary<string, string> { ["Decision"] = "ConditionalOffer", ["Conditions"] = "Grade 5 in GCSE maths" });
        var offerPage = await young.GetAsync($"/me/applications/{applicationA}");
        var acceptToken = offerPage.Document.QuerySelector("form[action$='handler=accept'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var accepted = await young.Client.PostAsync($"/me/applications/{applicationA}?handler=accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = acceptToken }));
        var mine = await young.GetAsync("/me/applications");
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "973");
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        var teacher = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        using var laSession = factory.CreateSession();
        await laSession.SignInAsync(officer.Email!, TestData.Password);
        using var schoolSession = factory.CreateSession();
        await schoolSession.SignInAsync(teacher.Email!, TestData.Password);
        var report = await laSession.GetAsync("/reports/applications");
        var bySchoolCsv = await laSession.Client.GetAsync(report.Document.QuerySelector("a[data-download='by-school']")!.GetAttribute("href"));
        var fillRatesCsv = await laSession.Client.GetAsync("/reports/applications?handler=csv&table=fill-rates");
        var notAppliedCsv = await laSession.Client.GetAsync("/reports/applications?handler=csv&table=not-applied&date=2026-11-23");
        var unknownCsv = await laSession.Client.GetAsync("/reports/applications?handler=csv&table=young-people");
        var schoolCsv = await schoolSession.Client.GetAsync("/reports/applications?handler=csv&table=by-school");
        var schoolView = await schoolSession.GetAsync("/provider/applications");
        var guaranteeList = await laSession.GetAsync("/tracking/lists/no-guarantee-offer");

        // Assert: validation and the young person's view
        Assert.Equal(HttpStatusCode.BadRequest, noStatement.Status);
        Assert.Equal(["Enter your personal statement"], noStatement.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, appliedA.Status);
        Assert.Equal(["You have already applied for this course"], again.ErrorSummary);
        Assert.Equal(["Enter the conditions of the offer"], noConditions.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, offered.Status);
        Assert.Contains("Conditional offer", offerPage.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var rows = mine.Document.QuerySelectorAll("#applications tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("T Level in Digital", StringComparison.Ordinal) && r.Contains("Offer accepted", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("BTEC Extended Diploma", StringComparison.Ordinal) && r.Contains("Submitted", StringComparison.Ordinal));

        // Assert: the school supports its pupil; the LA's report counts the applications and the offer
        Assert.Equal(2, schoolView.Document.QuerySelectorAll("#pupils-applications tbody tr").Length);
        var schoolRow = report.Document.QuerySelectorAll("#by-school tbody tr").Single(r => r.TextContent.Contains("Godstow School", StringComparison.Ordinal));
        Assert.Equal(["Godstow School", "2", "1", "1"], schoolRow.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Contains("0 of 1 young people in Year 11", report.Document.QuerySelector("#not-applied-count")!.TextContent, StringComparison.Ordinal);

        // Assert: each table downloads whole as CSV, for the LA's staff only, and each download is audited
        Assert.Equal("text/csv", bySchoolCsv.Content.Headers.ContentType!.MediaType);
        var bySchoolLines = (await bySchoolCsv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("School,Applications,Offers,Accepted", bySchoolLines[0]);
        Assert.Contains("Godstow School,2,1,1", bySchoolLines);
        var fillLines = (await fillRatesCsv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Course,Provider,Places,Accepted,Filled (%),Applications", fillLines[0]);
        Assert.Equal(3, fillLines.Length);
        Assert.Equal(["Local ID,Name,Date of birth,School"], (await notAppliedCsv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.NotFound, unknownCsv.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, schoolCsv.StatusCode);
        var downloads = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == officer.Id && e.Action == AuditActions.ApplicationsReported));
        Assert.Equal(4, downloads.Count);
        Assert.Equal(3, downloads.Count(e => e.Details!.Contains("\"download\"", StringComparison.Ordinal) && !e.Details.Contains("\"download\":null", StringComparison.Ordinal)));

        // Assert: provider isolation
        var listedA = listA.Document.QuerySelectorAll("#applications tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(listedA);
        Assert.Contains("T Level in Digital", listedA[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherProvidersApplication.Status);
        Assert.Equal(HttpStatusCode.NotFound, decideOther.StatusCode);
        Assert.DoesNotContain("T Level in Digital", listB.Document.QuerySelector("#applications")!.TextContent, StringComparison.Ordinal);

        // Assert: the September Guarantee and the intended destination, recorded and audited
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var record = await db.YoungPeople.AsNoTracking().Include(p => p.SeptemberGuarantee).SingleAsync(p => p.Id == pupil.Id);
        var guarantee = Assert.Single(record.SeptemberGuarantee, o => o.YearGroup == 11);
        Assert.Equal("Offer made", SeptemberGuaranteeCodes.Describe(guarantee.StatusCode));
        Assert.Equal(collegeA.Id, guarantee.ProviderOrganisationId);
        Assert.Equal("Port Meadow College", guarantee.ProviderName);
        Assert.Equal("121", record.IntendedDestinationCode);
        Assert.Equal(HttpStatusCode.OK, guaranteeList.Status);
        Assert.DoesNotContain(pupil.DisplayName, guaranteeList.Document.Body!.TextContent, StringComparison.Ordinal);
        var statusB = await db.CourseApplications.Where(a => a.Id == applicationB).Select(a => a.Status).SingleAsync();
        Assert.Equal(ApplicationStatus.Submitted, statusB);
        var actions = (await factory.AuditEventsAsync(q => q.Where(e => e.YoungPersonId == pupil.Id))).Select(e => e.Action).ToList();
        Assert.Contains(AuditActions.ApplicationSubmitted, actions);
        Assert.Contains(AuditActions.ApplicationDecided, actions);
        Assert.Contains(AuditActions.OfferAccepted, actions);
        Assert.Contains(AuditActions.SeptemberGuaranteeSet, actions);
        Assert.Contains(AuditActions.IntendedDestinationSet, actions);
        Assert.Contains(AuditActions.AccessDenied, actions);

        // Assert: the young person was emailed about the offer
        var mail = Directory.GetFiles(factory.Outbox).Select(File.ReadAllText).Where(m => m.Contains(pupil.Email!, StringComparison.Ordinal)).ToList();
        Assert.Contains(mail, m => m.Contains("Offer: T Level in Digital", StringComparison.Ordinal));
        Assert.Contains(mail, m => m.Contains("Offer accepted", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Decline_NoOtherOffer_OpensFollowUpForAdviser(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "974");
        var adviser = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var college = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "974", "Binsey College");
        var course = await CourseAsync(factory, college, "Diploma in Professional Cookery", "Hospitality and catering", "OX2 0NN", level: 2);
        var pupil = await factory.Data.CreateYoungPersonAsync(p => { p.LeadLaCode = "974"; p.AdviserUserId = adviser.Id; }, yearGroup: 11);
        var pupilUser = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: pupil.Id);
        var staff = await factory.Data.CreateUserAsync(WaypointRole.ProviderStaff, college.Id);
        using var young = factory.CreateSession();
        await young.SignInAsync(pupilUser.Email!, TestData.Password);
        using var providerSession = factory.CreateSession();
        await providerSession.SignInAsync(staff.Email!, TestData.Password);

        // Act
        var applied = await young.PostFormAsync($"/me/applications/apply/{course.Id}", new Dictionary<string, string> { ["PersonalStatement"] = "I cook for my family every weekend." });
        var applicationId = Guid.Parse(applied.Location!.Split('/')[^1]);
        var declined = await providerSession.PostFormAsync($"/provider/applications/{applicationId}", new Dictionary<string, string> { ["Decision"] = "Decline", ["Note"] = "The course is full." });
        var page = await young.GetAsync($"/me/applications/{applicationId}");
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        using var laSession = factory.CreateSession();
        await laSession.SignInAsync(officer.Email!, TestData.Password);
        var guaranteeList = await laSession.GetAsync("/tracking/lists/no-guarantee-offer");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        Assert.Contains("Unsuccessful", page.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var task = await db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.YoungPersonId == pupil.Id);
        Assert.Equal(FollowUpKind.NoOffer, task.Kind);
        Assert.Equal(adviser.Id, task.AssignedToUserId);
        var guarantee = await db.SeptemberGuaranteeOffers.AsNoTracking().SingleAsync(o => o.YoungPersonId == pupil.Id);
        Assert.Equal("140", guarantee.StatusCode);
        Assert.Contains(pupil.DisplayName, guaranteeList.Document.QuerySelector("#work-list")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PublishCourse_ProviderStaff_AppearsInSearchAndOnlyItsPublishersMayChangeIt(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "975");
        var trainer = await factory.Data.CreateOrganisationAsync(OrganisationKind.LearningProvider, "975", "Iffley Skills");
        var other = await factory.Data.CreateOrganisationAsync(OrganisationKind.LearningProvider, "976", "Elsewhere Skills");
        var staff = await factory.Data.CreateUserAsync(WaypointRole.ProviderStaff, trainer.Id);
        var otherStaff = await factory.Data.CreateUserAsync(WaypointRole.ProviderStaff, other.Id);
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, la.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(staff.Email!, TestData.Password);
        using var otherSession = factory.CreateSession();
        await otherSession.SignInAsync(otherStaff.Email!, TestData.Password);
        using var adminSession = factory.CreateSession();
        await adminSession.SignInAsync(admin.Email!, TestData.Password);
        var fields = new Dictionary<string, string>
        {
            ["ProviderId"] = trainer.Id.ToString(), ["Title"] = "Stonemasonry Apprenticeship", ["QualificationType"] = "Apprenticeship", ["Level"] = "2",
            ["SubjectArea"] = "Construction", ["EntryRequirements"] = "None", ["StartDate.Day"] = "6", ["StartDate.Month"] = "9", ["StartDate.Year"] = "2027",
            ["DurationMonths"] = "18", ["StudyMode"] = "WorkBased", ["Venue"] = "Iffley workshop", ["VenuePostcode"] = "not a postcode", ["Capacity"] = "6",
            ["Description"] = "Cut and carve stone for Oxford's colleges.", ["Published"] = "yes",
        };

        // Act
        var invalid = await session.PostFormAsync("/provider/courses/edit", fields);
        fields["VenuePostcode"] = "ox4 4ea";
        var saved = await session.PostFormAsync("/provider/courses/edit", fields);
        using var anyone = factory.CreateSession();
        var found = await anyone.GetAsync($"/courses?q=stonemasonary&provider={trainer.Id}");
        var courseId = await ScalarAsync(factory, db => db.Courses.Where(c => c.ProviderId == trainer.Id).Select(c => c.Id).SingleAsync());
        var otherProvider = await otherSession.GetAsync($"/provider/courses/edit?id={courseId}");
        var byAdmin = await adminSession.GetAsync($"/provider/courses/edit?id={courseId}");
        var youngPerson = await factory.Data.CreateUserAsync(WaypointRole.YoungPerson, youngPersonId: (await factory.Data.CreateYoungPersonAsync(p => p.LeadLaCode = "975")).Id);
        using var youngSession = factory.CreateSession();
        await youngSession.SignInAsync(youngPerson.Email!, TestData.Password);
        var forbidden = await youngSession.GetAsync("/provider/courses");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["Enter a real postcode, like OX1 1AA"], invalid.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(["Stonemasonry Apprenticeship"], ResultTitles(found));
        Assert.Contains("OX4 4EA", (await anyone.GetAsync($"/courses/{courseId}")).Document.QuerySelector("#course-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherProvider.Status);
        Assert.Equal(HttpStatusCode.OK, byAdmin.Status);
        Assert.Equal("Stonemasonry Apprenticeship", byAdmin.Document.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, forbidden.Status);
        Assert.Contains("/errors/403", forbidden.Location, StringComparison.Ordinal);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.CourseCreated && e.EntityId == courseId.ToString())));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ImportCourseList_PreviewThenSave_AddsValidRowsOnceAndRejectsTheRest(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, "977");
        var trainer = await factory.Data.CreateOrganisationAsync(OrganisationKind.LearningProvider, "977", "Rose Hill Training");
        var admin = await factory.Data.CreateUserAsync(WaypointRole.LaAdministrator, la.Id);
        var staff = await factory.Data.CreateUserAsync(WaypointRole.ProviderStaff, trainer.Id);
        using var session = factory.CreateSession();
        await session.SignInAsync(admin.Email!, TestData.Password);
        using var staffSession = factory.CreateSession();
        await staffSession.SignInAsync(staff.Email!, TestData.Password);
        const string csv = "Title,Qualification type,Level,Subject area,Entry requirements,Start date,Duration months,Study mode,Venue,Venue postcode,Capacity,Application deadline,Description\r\n"
            + "Bricklaying Apprenticeship,Apprenticeship,2,Construction,None,2027-09-06,18,Work-based,Rose Hill yard,OX4 4XN,8,2027-08-01,\"Walls, arches and chimneys\"\r\n"
            + "Roofing Apprenticeship,Apprenticeship,Level 2,Construction,None,06/09/2027,18,work based,Rose Hill yard,OX4 4XN,6,,Slate and tile roofs\r\n"
            + "Glazing,Diploma,2,Construction,None,2027-09-06,12,Full time,Rose Hill yard,NOT A POSTCODE,6,,Windows\r\n";

        async Task<PageResponse> UploadAsync()
        {
            var page = await session.GetAsync("/provider/courses/import");
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(trainer.Id.ToString()), "ProviderId" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "rose-hill.csv" },
            };
            var response = await session.Client.PostAsync("/provider/courses/import", form);
            return new PageResponse(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
        }

        async Task<PageResponse> SaveAsync(PageResponse preview)
        {
            var form = preview.Document.QuerySelector("form[action$='handler=save']")!;
            var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
            var response = await session.Client.PostAsync("/provider/courses/import?handler=save", new FormUrlEncodedContent(fields));
            return new PageResponse(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
        }

        // Act
        var preview = await UploadAsync();
        var afterPreview = await ScalarAsync(factory, db => db.Courses.CountAsync(c => c.ProviderId == trainer.Id));
        var saved = await SaveAsync(preview);
        var again = await UploadAsync();
        var providerStaff = await staffSession.GetAsync("/provider/courses/import");

        // Assert
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("2", preview.Document.QuerySelector("#to-add")!.TextContent.Trim());
        var rejected = Assert.Single(preview.Document.QuerySelectorAll("#rejected tbody tr"));
        Assert.Contains("qualification type", rejected.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, afterPreview);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var titles = await ScalarAsync(factory, db => db.Courses.Where(c => c.ProviderId == trainer.Id).OrderBy(c => c.Title).Select(c => c.Title).ToListAsync());
        Assert.Equal(["Bricklaying Apprenticeship", "Roofing Apprenticeship"], titles);
        Assert.Equal("0", again.Document.QuerySelector("#to-add")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, providerStaff.Status);
        Assert.Contains("/errors/403", providerStaff.Location, StringComparison.Ordinal);
        Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.CoursesImported && e.UserId == admin.Id)));
    }

    private static async Task<T> ScalarAsync<T>(WaypointWebFactory factory, Func<WaypointDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WaypointDbContext>());
    }
}
