using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Email;
using Waypoint.Core.Nccis;
using Waypoint.Core.Tasks;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Prospectus;

public sealed class ProspectusOptions
{
    /// <summary>How many applications a young person may have in play at once.</summary>
    public int MaxApplications { get; set; } = 5;

    /// <summary>Days before a saved course's application deadline when the young person is reminded of it.</summary>
    public int DeadlineReminderDays { get; set; } = 7;

    /// <summary>Minutes between the web app's checks for deadline reminders to send (0 turns the schedule off).</summary>
    public int ReminderScanMinutes { get; set; } = 60;

    /// <summary>How often, at most, a search asks the database whether another process changed the courses.</summary>
    public int IndexCheckSeconds { get; set; } = 5;

    public static ProspectusOptions FromConfiguration(IConfiguration? configuration) =>
        configuration?.GetSection("Prospectus").Get<ProspectusOptions>() ?? new ProspectusOptions();
}

public enum ProviderDecision
{
    InviteToInterview,
    ConditionalOffer,
    UnconditionalOffer,
    Decline,
}

public sealed record ApplyOptions(Guid CourseId, string PersonalStatement);

public sealed record SaveProfileOptions(string? Email, string? Phone, string? Qualifications, string? Interests, string? SupportNeeds, string? RefereeName, string? RefereeEmail);

public sealed record DecideOptions(Guid ApplicationId, ProviderDecision Decision, string? Conditions, DateOnly? InterviewOn, string? Note);

/// <summary>A saved course as the young person's list shows it.</summary>
public sealed record SavedCourseRow(Guid CourseId, string Title, string ProviderName, DateOnly? Deadline, bool IsPublished, bool Applied);

/// <summary>One application as its pages show it: the application, its course and provider, and the applicant.</summary>
public sealed record ApplicationView(CourseApplication Application, Course Course, string ProviderName, YoungPerson Applicant, ApplicantProfile? Profile, string? SchoolName);

/// <summary>
/// The common application process. A young person applies with one shared profile and a statement per course;
/// the provider (its own applications only) invites, offers or declines; the young person accepts one offer.
/// Offers update the September Guarantee and intended destination through <see cref="ParticipationService"/>, and a
/// decline that leaves no offer opens a follow-up for the adviser. Every step is audited and emailed to the applicant.
/// </summary>
public class ApplicationService(
    WaypointDbContext db,
    YoungPersonAccess access,
    AuditTrail audit,
    ParticipationService participation,
    IEmailSender email,
    TimeProvider clock,
    TrackingOptions tracking,
    ProspectusOptions options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    public int MaxApplications => options.MaxApplications;

    /// <summary>The young person's own record (the actor must be that young person).</summary>
    public async Task<YoungPerson> ApplicantAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role != WaypointRole.YoungPerson || actor.YoungPersonId is null)
        {
            throw new RecordNotFoundException(actor.YoungPersonId ?? Guid.Empty);
        }

        return await access.VisibleTo(actor).SingleOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException(actor.YoungPersonId.Value);
    }

    /// <summary>The young person's profile, drawn from their record until they first save it.</summary>
    public async Task<ApplicantProfile> ProfileAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        return await db.ApplicantProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.YoungPersonId == person.Id, cancellationToken)
            ?? new ApplicantProfile { YoungPersonId = person.Id, Email = person.Email, Phone = person.Phone };
    }

    public async Task SaveProfileAsync(Actor actor, SaveProfileOptions command, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        var profile = await db.ApplicantProfiles.SingleOrDefaultAsync(p => p.YoungPersonId == person.Id, cancellationToken);
        if (profile is null)
        {
            profile = new ApplicantProfile { YoungPersonId = person.Id };
            db.ApplicantProfiles.Add(profile);
        }

        profile.Email = command.Email;
        profile.Phone = command.Phone;
        profile.Qualifications = command.Qualifications;
        profile.Interests = command.Interests;
        profile.SupportNeeds = command.SupportNeeds;
        profile.RefereeName = command.RefereeName;
        profile.RefereeEmail = command.RefereeEmail;
        profile.UpdatedAt = Now;
        audit.Add(actor, AuditActions.ApplicationProfileSaved, entityType: "ApplicantProfile", entityId: person.Id.ToString(), youngPersonId: person.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves a published course to the young person's list, to apply for later; saving it twice changes nothing.</summary>
    public async Task SaveCourseAsync(Actor actor, Guid courseId, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        if (!await db.Courses.AnyAsync(c => c.Id == courseId && c.IsPublished, cancellationToken))
        {
            throw new RuleViolationException([new RuleViolation("CourseId", "This course is no longer offered", null)]);
        }

        if (await db.SavedCourses.AnyAsync(s => s.YoungPersonId == person.Id && s.CourseId == courseId, cancellationToken))
        {
            return;
        }

        db.SavedCourses.Add(new SavedCourse { YoungPersonId = person.Id, CourseId = courseId, SavedAt = Now });
        audit.Add(actor, AuditActions.CourseSaved, entityType: "Course", entityId: courseId.ToString(), youngPersonId: person.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveSavedCourseAsync(Actor actor, Guid courseId, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        var saved = await db.SavedCourses.SingleOrDefaultAsync(s => s.YoungPersonId == person.Id && s.CourseId == courseId, cancellationToken);
        if (saved is null)
        {
            return;
        }

        db.SavedCourses.Remove(saved);
        audit.Add(actor, AuditActions.CourseUnsaved, entityType: "Course", entityId: courseId.ToString(), youngPersonId: person.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The young person's saved courses, soonest deadline first, each saying whether they have applied.</summary>
    public async Task<List<SavedCourseRow>> SavedCoursesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        var rows = await (from s in db.SavedCourses.AsNoTracking()
                          join c in db.Courses.AsNoTracking() on s.CourseId equals c.Id
                          join o in db.Organisations.AsNoTracking() on c.ProviderId equals o.Id
                          where s.YoungPersonId == person.Id
                          select new SavedCourseRow(c.Id, c.Title, o.Name, c.ApplicationDeadline, c.IsPublished,
                              db.CourseApplications.Any(a => a.YoungPersonId == person.Id && a.CourseId == c.Id))).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Deadline ?? DateOnly.MaxValue).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
    }

    public async Task<List<(CourseApplication Application, Course Course, string ProviderName)>> ForYoungPersonAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        var rows = await (from a in db.CourseApplications.AsNoTracking()
                          join c in db.Courses.AsNoTracking() on a.CourseId equals c.Id
                          join o in db.Organisations.AsNoTracking() on a.ProviderId equals o.Id
                          where a.YoungPersonId == person.Id
                          orderby a.SubmittedAt descending
                          select new { a, c, o.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.a, r.c, r.Name)).ToList();
    }

    public async Task<CourseApplication> ApplyAsync(Actor actor, ApplyOptions command, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CourseId && c.IsPublished, cancellationToken)
            ?? throw new RuleViolationException([new RuleViolation("CourseId", "This course is no longer open for applications", null)]);
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(command.PersonalStatement))
        {
            violations.Add(new RuleViolation("PersonalStatement", "Enter your personal statement", null));
        }

        if (course.ApplicationDeadline is { } deadline && deadline < Today)
        {
            violations.Add(new RuleViolation("CourseId", $"Applications for this course closed on {deadline:d MMMM yyyy}", null));
        }

        var mine = await db.CourseApplications.Where(a => a.YoungPersonId == person.Id).Select(a => new { a.CourseId, a.Status }).ToListAsync(cancellationToken);
        if (mine.Any(a => a.CourseId == course.Id))
        {
            violations.Add(new RuleViolation("CourseId", "You have already applied for this course", null));
        }
        else if (mine.Count(a => a.Status.IsLive()) >= options.MaxApplications)
        {
            violations.Add(new RuleViolation("CourseId", $"You can have up to {options.MaxApplications} applications at a time. Withdraw one to apply for this course", null));
        }

        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }

        var application = new CourseApplication
        {
            YoungPersonId = person.Id,
            CourseId = course.Id,
            ProviderId = course.ProviderId,
            Status = ApplicationStatus.Submitted,
            PersonalStatement = command.PersonalStatement.Trim(),
            SubmittedAt = Now,
            UpdatedAt = Now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CourseApplications.Add(application);
        audit.Add(actor, AuditActions.ApplicationSubmitted, entityType: "CourseApplication", entityId: application.Id.ToString(), youngPersonId: person.Id,
            details: new { courseId = course.Id, course = course.Title, providerId = course.ProviderId });
        await db.SaveChangesAsync(cancellationToken);

        // An application is the first thing the September Guarantee hears of: "application made, awaiting outcome",
        // unless the record already says more.
        await UpdateGuaranteeAsync(actor, person, "140", null, null, onlyOver: ["151", "159"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await NotifyAsync(person, $"Application sent: {course.Title}", $"Your application for {course.Title} has been sent. You will hear from the provider; you can see its progress in Waypoint under Your applications.", application.Id, cancellationToken);
        return application;
    }

    public async Task WithdrawAsync(Actor actor, Guid applicationId, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        var application = await db.CourseApplications.SingleOrDefaultAsync(a => a.Id == applicationId && a.YoungPersonId == person.Id, cancellationToken)
            ?? throw new RecordNotFoundException(person.Id);
        if (!application.Status.IsLive())
        {
            throw new RuleViolationException([new RuleViolation("ApplicationId", "This application has already closed", null)]);
        }

        var old = application.Status;
        application.Status = ApplicationStatus.Withdrawn;
        application.UpdatedAt = Now;
        audit.Add(actor, AuditActions.ApplicationWithdrawn, entityType: "CourseApplication", entityId: application.Id.ToString(), youngPersonId: person.Id,
            details: new { changes = new[] { new FieldChange("Status", old.ToString(), application.Status.ToString()) } });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The young person accepts one offer; their other offers are released.</summary>
    public async Task AcceptAsync(Actor actor, Guid applicationId, CancellationToken cancellationToken = default)
    {
        var person = await ApplicantAsync(actor, cancellationToken);
        var applications = await db.CourseApplications.Where(a => a.YoungPersonId == person.Id).ToListAsync(cancellationToken);
        var application = applications.SingleOrDefault(a => a.Id == applicationId) ?? throw new RecordNotFoundException(person.Id);
        if (!application.Status.IsOffer())
        {
            throw new RuleViolationException([new RuleViolation("ApplicationId", "You can only accept an offer", null)]);
        }

        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == application.CourseId, cancellationToken);
        var providerName = await db.Organisations.Where(o => o.Id == application.ProviderId).Select(o => o.Name).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        application.Status = ApplicationStatus.Accepted;
        application.UpdatedAt = Now;
        var released = applications.Where(a => a.Id != application.Id && a.Status.IsOffer()).ToList();
        foreach (var other in released)
        {
            other.Status = ApplicationStatus.OfferReleased;
            other.UpdatedAt = Now;
        }

        audit.Add(actor, AuditActions.OfferAccepted, entityType: "CourseApplication", entityId: application.Id.ToString(), youngPersonId: person.Id,
            details: new { courseId = course.Id, course = course.Title, providerId = application.ProviderId, released = released.Select(r => r.Id) });
        await db.SaveChangesAsync(cancellationToken);
        await LinkOfferAsync(actor, person, course, providerName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await NotifyAsync(person, $"Offer accepted: {course.Title}", $"You have accepted your place on {course.Title} at {providerName}. It starts on {course.StartDate:d MMMM yyyy}.", application.Id, cancellationToken);
    }

    /// <summary>Applications to the actor's own organisation (provider staff), newest first.</summary>
    public IQueryable<CourseApplication> ForProvider(Actor actor) =>
        actor.Role is { } role && role.IsEstablishmentStaff() && actor.OrganisationId is { } org
            ? db.CourseApplications.AsNoTracking().Where(a => a.ProviderId == org)
            : db.CourseApplications.AsNoTracking().Where(_ => false);

    /// <summary>Applications made by the young people the actor may see: a school its pupils', the LA its area's.</summary>
    public IQueryable<CourseApplication> ForSupporters(Actor actor)
    {
        var visible = access.VisibleTo(actor).Select(p => p.Id);
        return db.CourseApplications.AsNoTracking().Where(a => visible.Contains(a.YoungPersonId));
    }

    /// <summary>Opens one application for provider staff or the applicant's school or LA, auditing the view (or the refusal).</summary>
    public async Task<ApplicationView?> OpenAsync(Actor actor, Guid applicationId, CancellationToken cancellationToken = default)
    {
        var application = await ForProvider(actor).Union(ForSupporters(actor)).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            var exists = await db.CourseApplications.Where(a => a.Id == applicationId).Select(a => (Guid?)a.YoungPersonId).SingleOrDefaultAsync(cancellationToken);
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "CourseApplication", applicationId.ToString(), exists,
                details: new { purpose = "application", reason = exists is null ? "no such application" : "not the actor's provider, school or area" }, cancellationToken: cancellationToken);
            return null;
        }

        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == application.CourseId, cancellationToken);
        var providerName = await db.Organisations.Where(o => o.Id == application.ProviderId).Select(o => o.Name).SingleAsync(cancellationToken);
        var person = await db.YoungPeople.AsNoTracking().SingleAsync(p => p.Id == application.YoungPersonId, cancellationToken);
        var profile = await db.ApplicantProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.YoungPersonId == person.Id, cancellationToken);
        var school = person.SchoolId is { } schoolId ? await db.Organisations.Where(o => o.Id == schoolId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) : null;
        await audit.RecordAsync(actor, AuditActions.ApplicationViewed, AuditOutcome.Succeeded, "CourseApplication", application.Id.ToString(), person.Id,
            details: new { courseId = course.Id }, cancellationToken: cancellationToken);
        return new ApplicationView(application, course, providerName, person, profile, school);
    }

    public static bool CanDecide(ApplicationStatus status, ProviderDecision decision) => decision switch
    {
        ProviderDecision.InviteToInterview => status is ApplicationStatus.Submitted,
        ProviderDecision.ConditionalOffer => status is ApplicationStatus.Submitted or ApplicationStatus.InterviewInvited,
        ProviderDecision.UnconditionalOffer => status is ApplicationStatus.Submitted or ApplicationStatus.InterviewInvited or ApplicationStatus.ConditionalOffer,
        ProviderDecision.Decline => status is ApplicationStatus.Submitted or ApplicationStatus.InterviewInvited or ApplicationStatus.ConditionalOffer,
        _ => false,
    };

    /// <summary>The provider's decision on an application made to it.</summary>
    public async Task DecideAsync(Actor actor, DecideOptions command, CancellationToken cancellationToken = default)
    {
        var org = actor.Role is { } role && role.IsEstablishmentStaff() ? actor.OrganisationId : null;
        var application = org is null ? null : await db.CourseApplications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId && a.ProviderId == org, cancellationToken);
        if (application is null)
        {
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "CourseApplication", command.ApplicationId.ToString(),
                details: new { purpose = "decide application", reason = "not an application to the actor's organisation" }, cancellationToken: cancellationToken);
            throw new RecordNotFoundException(command.ApplicationId);
        }

        if (!CanDecide(application.Status, command.Decision))
        {
            throw new RuleViolationException([new RuleViolation("Decision", $"An application that is {application.Status.Describe().ToLowerInvariant()} cannot be given that decision", null)]);
        }

        if (command.Decision == ProviderDecision.ConditionalOffer && string.IsNullOrWhiteSpace(command.Conditions))
        {
            throw new RuleViolationException([new RuleViolation("Conditions", "Enter the conditions of the offer", null)]);
        }

        if (command.Decision == ProviderDecision.InviteToInterview && command.InterviewOn is null)
        {
            throw new RuleViolationException([new RuleViolation("InterviewOn", "Enter the date of the interview", null)]);
        }

        var person = await db.YoungPeople.SingleAsync(p => p.Id == application.YoungPersonId, cancellationToken);
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == application.CourseId, cancellationToken);
        var providerName = await db.Organisations.Where(o => o.Id == application.ProviderId).Select(o => o.Name).SingleAsync(cancellationToken);
        var old = application.Status;
        application.Status = command.Decision switch
        {
            ProviderDecision.InviteToInterview => ApplicationStatus.InterviewInvited,
            ProviderDecision.ConditionalOffer => ApplicationStatus.ConditionalOffer,
            ProviderDecision.UnconditionalOffer => ApplicationStatus.UnconditionalOffer,
            _ => ApplicationStatus.Declined,
        };
        application.OfferConditions = command.Decision == ProviderDecision.ConditionalOffer ? command.Conditions?.Trim() : application.Status == ApplicationStatus.UnconditionalOffer ? null : application.OfferConditions;
        application.InterviewOn = command.Decision == ProviderDecision.InviteToInterview ? command.InterviewOn : application.InterviewOn;
        application.ProviderNote = string.IsNullOrWhiteSpace(command.Note) ? application.ProviderNote : command.Note.Trim();
        application.DecidedByUserId = actor.UserId;
        application.UpdatedAt = Now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Add(actor, AuditActions.ApplicationDecided, entityType: "CourseApplication", entityId: application.Id.ToString(), youngPersonId: person.Id,
            details: new { courseId = course.Id, decision = command.Decision.ToString(), changes = new[] { new FieldChange("Status", old.ToString(), application.Status.ToString()) } });
        if (application.Status == ApplicationStatus.Declined)
        {
            var otherOffer = await db.CourseApplications.AnyAsync(a => a.YoungPersonId == person.Id && a.Id != application.Id
                && (a.Status == ApplicationStatus.ConditionalOffer || a.Status == ApplicationStatus.UnconditionalOffer || a.Status == ApplicationStatus.Accepted), cancellationToken);
            if (!otherOffer)
            {
                db.FollowUpTasks.Add(new FollowUpTask
                {
                    YoungPersonId = person.Id,
                    AssignedToUserId = person.AdviserUserId,
                    Kind = FollowUpKind.NoOffer,
                    Title = $"Help {person.PreferredGivenName ?? person.GivenName} {person.FamilyName} find a place: {providerName} declined their application for {course.Title} and they hold no other offer",
                    DueOn = WorkingDays.Add(Today, tracking.FollowUpWorkingDays, tracking.BankHolidays),
                    CreatedAt = Now,
                    CreatedByUserId = actor.UserId,
                });
                audit.Add(actor, AuditActions.FollowUpsCreated, entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id,
                    details: new { kind = FollowUpKind.NoOffer.ToString(), count = 1 });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (application.Status.IsOffer())
        {
            await LinkOfferAsync(actor, person, course, providerName, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var (subject, body) = application.Status switch
        {
            ApplicationStatus.InterviewInvited => ($"Interview: {course.Title}", $"{providerName} invites you to an interview for {course.Title} on {application.InterviewOn:d MMMM yyyy}."),
            ApplicationStatus.ConditionalOffer => ($"Offer: {course.Title}", $"{providerName} has offered you a place on {course.Title}, on these conditions: {application.OfferConditions}. Sign in to Waypoint to accept it."),
            ApplicationStatus.UnconditionalOffer => ($"Offer: {course.Title}", $"{providerName} has offered you a place on {course.Title}. Sign in to Waypoint to accept it."),
            _ => ($"Application update: {course.Title}", $"{providerName} cannot offer you a place on {course.Title}. Your adviser can help you find another course."),
        };
        await NotifyAsync(person, subject, body, application.Id, cancellationToken);
    }

    /// <summary>An offer made or accepted: September Guarantee "offer made" with the provider, and the intended destination.</summary>
    private async Task LinkOfferAsync(Actor actor, YoungPerson person, Course course, string providerName, CancellationToken cancellationToken)
    {
        var yearGroup = AcademicAge.YearGroup(person.DateOfBirth, Today);
        await UpdateGuaranteeAsync(actor, person, "110", providerName, course.ProviderId, onlyOver: null, cancellationToken);
        if (yearGroup == 11)
        {
            var destination = course.QualificationType == QualificationType.Apprenticeship ? "211"
                : person.SchoolId == course.ProviderId ? "111"
                : "121";
            var linkActor = LinkActor(actor, person);
            var version = await participation.CurrentVersionAsync(linkActor, person.Id, cancellationToken) ?? throw new RecordNotFoundException(person.Id);
            await participation.SetIntendedDestinationAsync(linkActor, new SetIntendedDestinationOptions(person.Id, version, destination), cancellationToken);
        }
    }

    private async Task UpdateGuaranteeAsync(Actor actor, YoungPerson person, string status, string? providerName, Guid? providerId, string[]? onlyOver, CancellationToken cancellationToken)
    {
        var yearGroup = AcademicAge.YearGroup(person.DateOfBirth, Today);
        if (yearGroup is not (11 or 12))
        {
            return;
        }

        var academicYear = AcademicAge.AcademicYearStart(Today);
        var current = await db.SeptemberGuaranteeOffers.AsNoTracking()
            .Where(o => o.YoungPersonId == person.Id && o.AcademicYear == academicYear && o.YearGroup == yearGroup).Select(o => o.StatusCode).SingleOrDefaultAsync(cancellationToken);
        if (onlyOver is not null && current is not null && !onlyOver.Contains(current))
        {
            return;
        }

        var linkActor = LinkActor(actor, person);
        var version = await participation.CurrentVersionAsync(linkActor, person.Id, cancellationToken) ?? throw new RecordNotFoundException(person.Id);
        await participation.SetSeptemberGuaranteeAsync(linkActor, new SetSeptemberGuaranteeOptions(person.Id, version, yearGroup, status, providerName, providerId), cancellationToken);
    }

    /// <summary>
    /// The September Guarantee is the LA's record, which applicants and providers cannot change themselves: the
    /// application process changes it under the LA's authority, naming who set it off.
    /// </summary>
    private static Actor LinkActor(Actor actor, YoungPerson person) =>
        new(null, $"Common application process ({actor.Name})", WaypointRole.TrackingOfficer, null, person.LeadLaCode, null, actor.IpAddress, actor.CorrelationId);

    private async Task NotifyAsync(YoungPerson person, string subject, string body, Guid applicationId, CancellationToken cancellationToken)
    {
        var to = await db.ApplicantProfiles.Where(p => p.YoungPersonId == person.Id).Select(p => p.Email).SingleOrDefaultAsync(cancellationToken) ?? person.Email;
        if (!string.IsNullOrWhiteSpace(to))
        {
            await email.SendAsync(new EmailMessage(to, subject, body, $"application-{applicationId}"), cancellationToken);
        }
    }
}
