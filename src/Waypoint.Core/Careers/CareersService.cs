using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;

namespace Waypoint.Core.Careers;

public sealed record RecordCareersActivityOptions(
    CareersActivityType Type,
    string Title,
    DateOnly Date,
    bool InSchoolHours,
    Guid? PartnerId,
    string? DeliveredBy,
    string? Subject,
    int Benchmarks,
    string? Purpose,
    string? LearningOutcomes,
    bool TwoWayInteraction,
    string? EmployerTask,
    string? EmployerFeedback,
    decimal? Hours,
    IReadOnlyCollection<Guid> PupilIds,
    string Source);

public sealed record SaveProgrammeOptions(
    string CareersLeaderName,
    string CareersLeaderEmail,
    string CareersLeaderPhone,
    string Summary,
    string? HowToAccess,
    string ImpactMeasurement,
    string ProviderAccessPolicy,
    DateOnly NextReviewDate);

public sealed record PlanActivityOptions(string Title, CareersActivityType Type, int YearGroup, int Term, int Benchmarks, string? LearningOutcomes, Guid? PartnerId, DateOnly? ScheduledFor);

public sealed record AddPartnerOptions(string Name, PartnerKind Kind, string? Sectors, IReadOnlyCollection<CareersActivityType> Offers, bool IsStem, string? ContactName, string? ContactEmail, string? ContactPhone);

/// <summary>A change the rules refuse; each error names the field it is about.</summary>
public sealed class CareersValidationException(IReadOnlyList<(string Field, string Message)> errors)
    : Exception(string.Join("; ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<(string Field, string Message)> Errors { get; } = errors;
}

/// <summary>The user is not staff of a school, or asked for pupils or records that are not their school's.</summary>
public sealed class CareersAccessException(string reason) : Exception(reason);

/// <summary>
/// Every change to careers records: activities and who took part, the programme, the plan, the directory and the
/// self-assessment answers. Pupils are checked through <see cref="YoungPersonAccess"/> so a school can only register
/// its own; each change stages its audit events in the same save.
/// </summary>
public class CareersService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The school whose careers records the actor keeps: Careers Leaders and school staff of a school or college.</summary>
    public async Task<Organisation?> SchoolOfAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (WaypointRole.CareersLeader or WaypointRole.SchoolStaff) || actor.OrganisationId is not { } id)
        {
            return null;
        }

        return await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == id && o.Kind == OrganisationKind.SchoolOrCollege, cancellationToken);
    }

    private async Task<Organisation> RequireSchoolAsync(Actor actor, CancellationToken cancellationToken) =>
        await SchoolOfAsync(actor, cancellationToken) ?? throw new CareersAccessException("Only staff of a school or college keep its careers records.");

    public async Task<CareersActivity> RecordActivityAsync(Actor actor, RecordCareersActivityOptions options, CancellationToken cancellationToken = default)
    {
        var school = await RequireSchoolAsync(actor, cancellationToken);
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(options.Title))
        {
            errors.Add(("Title", "Enter a title for the activity"));
        }

        if (options.Date > Today)
        {
            errors.Add(("Date", "The date must be today or in the past: plan future activities in the programme"));
        }

        CareersPartner? partner = null;
        if (options.PartnerId is { } partnerId)
        {
            partner = await db.CareersPartners.FirstOrDefaultAsync(p => p.Id == partnerId && p.LaCode == school.LaCode, cancellationToken);
            if (partner is null)
            {
                errors.Add(("PartnerId", "Select an employer or provider from the directory"));
            }
        }

        if (options.Type == CareersActivityType.ProviderEncounter && partner is not { IsProvider: true })
        {
            errors.Add(("PartnerId", "Select the college, UTC, apprenticeship or technical education provider the pupils met"));
        }

        if (options.Type == CareersActivityType.WorkExperience && options.Hours is not > 0)
        {
            errors.Add(("Hours", "Enter the hours each pupil spent on the placement"));
        }

        if (options.Hours is < 0 or > 500)
        {
            errors.Add(("Hours", "Hours must be between 0 and 500"));
        }

        if (options.PupilIds.Count == 0)
        {
            errors.Add(("Pupils", "Select the pupils who took part"));
        }

        if (errors.Count > 0)
        {
            throw new CareersValidationException(errors);
        }

        var activity = new CareersActivity
        {
            SchoolId = school.Id,
            Type = options.Type,
            Title = options.Title.Trim(),
            Date = options.Date,
            AcademicYear = YoungPeople.AcademicAge.AcademicYearStart(options.Date),
            BeforeMarch = CareersMeasures.IsBeforeMarch(options.Date),
            InSchoolHours = options.InSchoolHours,
            PartnerId = partner?.Id,
            DeliveredBy = options.DeliveredBy,
            Subject = options.Subject,
            Benchmarks = options.Benchmarks == 0 ? options.Type.DefaultBenchmarks() : options.Benchmarks,
            Purpose = options.Purpose,
            LearningOutcomes = options.LearningOutcomes,
            TwoWayInteraction = options.TwoWayInteraction,
            EmployerTask = options.EmployerTask,
            EmployerFeedback = options.EmployerFeedback,
            Hours = options.Hours,
            RecordedByUserId = actor.UserId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CareersActivities.Add(activity);
        audit.Add(actor, AuditActions.CareersActivityRecorded, entityType: "CareersActivity", entityId: activity.Id.ToString(), details: new
        {
            type = activity.Type.ToString(),
            activity.Title,
            date = activity.Date.ToString("yyyy-MM-dd"),
            activity.InSchoolHours,
            partner = partner?.Name,
            pupils = options.PupilIds.Count,
            source = options.Source,
        });
        await AddParticipantsAsync(actor, school, activity, options.PupilIds, options.Source, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }

    /// <summary>Adds pupils to an activity already recorded (a late register, an import).</summary>
    public async Task<int> AddParticipantsAsync(Actor actor, Guid activityId, IReadOnlyCollection<Guid> pupilIds, string source, CancellationToken cancellationToken = default)
    {
        var school = await RequireSchoolAsync(actor, cancellationToken);
        var activity = await db.CareersActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.SchoolId == school.Id, cancellationToken)
            ?? throw new CareersAccessException("No such activity at this school.");
        var already = await db.CareersParticipations.Where(p => p.ActivityId == activityId).Select(p => p.YoungPersonId).ToListAsync(cancellationToken);
        var added = await AddParticipantsAsync(actor, school, activity, pupilIds.Except(already).ToList(), source, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> AddParticipantsAsync(Actor actor, Organisation school, CareersActivity activity, IReadOnlyCollection<Guid> pupilIds, string source, CancellationToken cancellationToken)
    {
        var ids = pupilIds.Distinct().ToList();
        var pupils = new List<(Guid Id, DateOnly DateOfBirth)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await access.VisibleTo(actor).Where(p => chunk.Contains(p.Id) && p.SchoolId == school.Id)
                .Select(p => new { p.Id, p.DateOfBirth }).ToListAsync(cancellationToken);
            pupils.AddRange(found.Select(p => (p.Id, p.DateOfBirth)));
        }

        if (pupils.Count != ids.Count)
        {
            var refused = ids.Except(pupils.Select(p => p.Id)).ToList();
            db.ChangeTracker.Clear();
            foreach (var id in refused)
            {
                audit.Add(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "YoungPerson", id.ToString(),
                    details: new { purpose = "careers register", reason = "not on the school's roll or no such record" });
            }

            await db.SaveChangesAsync(cancellationToken);
            throw new CareersAccessException($"{refused.Count} of the pupils are not on this school's roll.");
        }

        // In pupil order: each insert locks the pupil's tally (a database trigger adds to it), and two registers that
        // share pupils then take those locks in the same order rather than waiting on each other for ever.
        foreach (var (id, dateOfBirth) in pupils.OrderBy(p => p.Id))
        {
            db.CareersParticipations.Add(new CareersParticipation
            {
                ActivityId = activity.Id,
                YoungPersonId = id,
                SchoolId = school.Id,
                YearGroup = CareersMeasures.YearGroupOn(dateOfBirth, activity.Date),
                Type = activity.Type,
                Date = activity.Date,
                AcademicYear = activity.AcademicYear,
                BeforeMarch = activity.BeforeMarch,
                InSchoolHours = activity.InSchoolHours,
                PartnerId = activity.PartnerId,
                Hours = activity.Hours,
            });
            audit.Add(actor, AuditActions.CareersParticipationRecorded, entityType: "CareersActivity", entityId: activity.Id.ToString(),
                youngPersonId: id, details: new { type = activity.Type.ToString(), date = activity.Date.ToString("yyyy-MM-dd"), source });
        }

        return pupils.Count;
    }

    public async Task<CareersProgramme> SaveProgrammeAsync(Actor actor, SaveProgrammeOptions options, CancellationToken cancellationToken = default)
    {
        var school = await RequireSchoolAsync(actor, cancellationToken);
        var programme = await db.CareersProgrammes.FirstOrDefaultAsync(p => p.SchoolId == school.Id, cancellationToken);
        var changes = new List<FieldChange>();
        void Set(string field, string? old, string? value)
        {
            if (old != value)
            {
                changes.Add(new FieldChange(field, old, value));
            }
        }

        Set(nameof(options.CareersLeaderName), programme?.CareersLeaderName, options.CareersLeaderName);
        Set(nameof(options.CareersLeaderEmail), programme?.CareersLeaderEmail, options.CareersLeaderEmail);
        Set(nameof(options.CareersLeaderPhone), programme?.CareersLeaderPhone, options.CareersLeaderPhone);
        Set(nameof(options.Summary), programme?.Summary, options.Summary);
        Set(nameof(options.HowToAccess), programme?.HowToAccess, options.HowToAccess);
        Set(nameof(options.ImpactMeasurement), programme?.ImpactMeasurement, options.ImpactMeasurement);
        Set(nameof(options.ProviderAccessPolicy), programme?.ProviderAccessPolicy, options.ProviderAccessPolicy);
        Set(nameof(options.NextReviewDate), programme?.NextReviewDate.ToString("yyyy-MM-dd"), options.NextReviewDate.ToString("yyyy-MM-dd"));
        if (programme is null)
        {
            programme = new CareersProgramme
            {
                SchoolId = school.Id,
                CareersLeaderName = options.CareersLeaderName,
                CareersLeaderEmail = options.CareersLeaderEmail,
                CareersLeaderPhone = options.CareersLeaderPhone,
                Summary = options.Summary,
                ImpactMeasurement = options.ImpactMeasurement,
                ProviderAccessPolicy = options.ProviderAccessPolicy,
            };
            db.CareersProgrammes.Add(programme);
        }

        programme.CareersLeaderName = options.CareersLeaderName;
        programme.CareersLeaderEmail = options.CareersLeaderEmail;
        programme.CareersLeaderPhone = options.CareersLeaderPhone;
        programme.Summary = options.Summary;
        programme.HowToAccess = options.HowToAccess;
        programme.ImpactMeasurement = options.ImpactMeasurement;
        programme.ProviderAccessPolicy = options.ProviderAccessPolicy;
        programme.NextReviewDate = options.NextReviewDate;
        programme.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        programme.UpdatedByUserId = actor.UserId;
        audit.Add(actor, AuditActions.CareersProgrammeUpdated, entityType: "CareersProgramme", entityId: programme.Id.ToString(), details: new { changes });
        await db.SaveChangesAsync(cancellationToken);
        return programme;
    }

    public async Task<PlannedCareersActivity> PlanActivityAsync(Actor actor, PlanActivityOptions options, CancellationToken cancellationToken = default)
    {
        var school = await RequireSchoolAsync(actor, cancellationToken);
        var programme = await db.CareersProgrammes.FirstOrDefaultAsync(p => p.SchoolId == school.Id, cancellationToken)
            ?? throw new CareersValidationException([("Title", "Publish the programme's details before planning activities")]);
        if (options.PartnerId is { } partnerId && !await db.CareersPartners.AnyAsync(p => p.Id == partnerId && p.LaCode == school.LaCode, cancellationToken))
        {
            throw new CareersValidationException([("PartnerId", "Select an employer or provider from the directory")]);
        }

        var planned = new PlannedCareersActivity
        {
            ProgrammeId = programme.Id,
            Title = options.Title,
            Type = options.Type,
            YearGroup = options.YearGroup,
            Term = options.Term,
            Benchmarks = options.Benchmarks == 0 ? options.Type.DefaultBenchmarks() : options.Benchmarks,
            LearningOutcomes = options.LearningOutcomes,
            PartnerId = options.PartnerId,
            ScheduledFor = options.ScheduledFor,
        };
        db.PlannedCareersActivities.Add(planned);
        audit.Add(actor, AuditActions.CareersActivityPlanned, entityType: "PlannedCareersActivity", entityId: planned.Id.ToString(),
            details: new { options.Title, type = options.Type.ToString(), options.YearGroup, options.Term, options.PartnerId });
        await db.SaveChangesAsync(cancellationToken);
        return planned;
    }

    /// <summary>Adds an employer or provider to the LA's directory: any school's staff or the LA's staff may.</summary>
    public async Task<CareersPartner> AddPartnerAsync(Actor actor, AddPartnerOptions options, CancellationToken cancellationToken = default)
    {
        if (actor.LaCode is null || actor.Role is not { } role || !(role.IsLaWide() || role is WaypointRole.CareersLeader or WaypointRole.SchoolStaff))
        {
            throw new CareersAccessException("Only LA or school staff add to the directory.");
        }

        var partner = new CareersPartner
        {
            LaCode = actor.LaCode,
            Name = options.Name.Trim(),
            Kind = options.Kind,
            Sectors = options.Sectors,
            ActivityTypes = string.Join(",", options.Offers.Distinct()),
            IsStem = options.IsStem,
            ContactName = options.ContactName,
            ContactEmail = options.ContactEmail,
            ContactPhone = options.ContactPhone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CareersPartners.Add(partner);
        audit.Add(actor, AuditActions.CareersPartnerAdded, entityType: "CareersPartner", entityId: partner.Id.ToString(),
            details: new { partner.Name, kind = partner.Kind.ToString(), partner.ActivityTypes, partner.IsStem });
        await db.SaveChangesAsync(cancellationToken);
        return partner;
    }

    public async Task AnswerAsync(Actor actor, string areaKey, AreaStatus status, string? evidence, CancellationToken cancellationToken = default)
    {
        var school = await RequireSchoolAsync(actor, cancellationToken);
        if (BenchmarkAssessment.Areas.FirstOrDefault(a => a.Key == areaKey) is not { FromData: false })
        {
            throw new CareersValidationException([("AreaKey", "That area is worked out from recorded data and cannot be answered")]);
        }

        var answer = await db.BenchmarkAnswers.FirstOrDefaultAsync(a => a.SchoolId == school.Id && a.AreaKey == areaKey, cancellationToken);
        var old = answer?.Status;
        if (answer is null)
        {
            answer = new BenchmarkAnswer { SchoolId = school.Id, AreaKey = areaKey };
            db.BenchmarkAnswers.Add(answer);
        }

        answer.Status = status;
        answer.Evidence = evidence;
        answer.AnsweredByUserId = actor.UserId;
        answer.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(actor, AuditActions.CareersBenchmarkAnswered, entityType: "BenchmarkAnswer", entityId: answer.Id.ToString(),
            details: new { area = areaKey, changes = new[] { new FieldChange("Status", old?.ToString(), status.ToString()) }, evidence });
        await db.SaveChangesAsync(cancellationToken);
    }
}
