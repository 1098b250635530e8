using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;

namespace Waypoint.Core.Prospectus;

public sealed record SaveCourseOptions(
    Guid? CourseId,
    Guid ProviderId,
    string Title,
    QualificationType QualificationType,
    int Level,
    string SubjectArea,
    string? EntryRequirements,
    DateOnly StartDate,
    int DurationMonths,
    StudyMode StudyMode,
    string Venue,
    string VenuePostcode,
    int Capacity,
    DateOnly? ApplicationDeadline,
    string? Description,
    bool IsPublished);

/// <summary>
/// Publishing courses: provider staff maintain their own organisation's, LA administrators any provider's in their area.
/// Every change is audited and makes the search index rebuild on the next search.
/// </summary>
public class CourseService(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CourseIndexCache index)
{
    /// <summary>The providers whose courses the actor may change.</summary>
    public IQueryable<Organisation> ProvidersFor(Actor actor) => actor.Role switch
    {
        WaypointRole.LaAdministrator when actor.LaCode is not null => db.Organisations.Where(o => o.LaCode == actor.LaCode
            && (o.Kind == OrganisationKind.LearningProvider || o.Kind == OrganisationKind.SchoolOrCollege)),
        { } role when role.IsEstablishmentStaff() && actor.OrganisationId is not null => db.Organisations.Where(o => o.Id == actor.OrganisationId),
        _ => db.Organisations.Where(_ => false),
    };

    public IQueryable<Course> CoursesFor(Actor actor)
    {
        var providers = ProvidersFor(actor).Select(o => o.Id);
        return db.Courses.Where(c => providers.Contains(c.ProviderId));
    }

    public static IReadOnlyList<RuleViolation> Check(SaveCourseOptions command)
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(command.Title))
        {
            violations.Add(new("Title", "Enter the course title", null));
        }

        if (string.IsNullOrWhiteSpace(command.SubjectArea))
        {
            violations.Add(new("SubjectArea", "Enter the subject area", null));
        }

        if (command.Level is < 0 or > 8)
        {
            violations.Add(new("Level", "Level must be entry level (0) or 1 to 8", null));
        }

        if (string.IsNullOrWhiteSpace(command.Venue))
        {
            violations.Add(new("Venue", "Enter where the course is taught", null));
        }

        if (!Postcode.IsValid(command.VenuePostcode))
        {
            violations.Add(new("VenuePostcode", "Enter a real postcode, like OX1 1AA", null));
        }

        if (command.DurationMonths is < 1 or > 60)
        {
            violations.Add(new("DurationMonths", "Duration must be between 1 and 60 months", null));
        }

        if (command.Capacity is < 1 or > 10000)
        {
            violations.Add(new("Capacity", "Places must be between 1 and 10,000", null));
        }

        if (command.ApplicationDeadline is { } deadline && deadline > command.StartDate)
        {
            violations.Add(new("ApplicationDeadline", "The application deadline must be on or before the start date", null));
        }

        return violations;
    }

    public async Task<Course> SaveAsync(Actor actor, SaveCourseOptions command, CancellationToken cancellationToken = default)
    {
        if (!await ProvidersFor(actor).AnyAsync(o => o.Id == command.ProviderId, cancellationToken))
        {
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "Organisation", command.ProviderId.ToString(),
                details: new { purpose = "publish course", reason = "not a provider the actor may publish for" }, cancellationToken: cancellationToken);
            throw new RuleViolationException([new RuleViolation("ProviderId", "Choose a provider you publish courses for", null)]);
        }

        if (Check(command) is { Count: > 0 } violations)
        {
            throw new RuleViolationException(violations);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Course course;
        if (command.CourseId is { } id)
        {
            course = await CoursesFor(actor).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw new RuleViolationException([new RuleViolation("CourseId", "No such course for you", null)]);
        }
        else
        {
            course = new Course { Title = "", SubjectArea = "", Venue = "", VenuePostcode = "", CreatedAt = now };
            db.Courses.Add(course);
        }

        course.ProviderId = command.ProviderId;
        course.Title = command.Title.Trim();
        course.QualificationType = command.QualificationType;
        course.Level = command.Level;
        course.SubjectArea = command.SubjectArea.Trim();
        course.EntryRequirements = command.EntryRequirements?.Trim() ?? "";
        course.StartDate = command.StartDate;
        course.DurationMonths = command.DurationMonths;
        course.StudyMode = command.StudyMode;
        course.Venue = command.Venue.Trim();
        course.VenuePostcode = Postcode.Normalise(command.VenuePostcode);
        course.Capacity = command.Capacity;
        course.ApplicationDeadline = command.ApplicationDeadline;
        course.Description = command.Description?.Trim() ?? "";
        course.IsPublished = command.IsPublished;
        course.UpdatedAt = now;
        audit.Add(actor, command.CourseId is null ? AuditActions.CourseCreated : AuditActions.CourseUpdated, entityType: "Course", entityId: course.Id.ToString(),
            details: new { providerId = course.ProviderId, title = course.Title, published = course.IsPublished });
        await db.SaveChangesAsync(cancellationToken);
        index.Invalidate();
        return course;
    }
}
