using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Careers;

/// <summary>
/// Works out every pupil's measures from what was recorded. The database does the counting in one grouped query over
/// the participation rows (each window and the "not the same provider twice" rule as a conditional aggregate), so
/// the cost is one pass over the rows whatever the number of pupils; the pupils are read in a second query.
/// </summary>
public class CareersMeasuresService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit)
{
    /// <summary>A school's pupils with their measures as at a date, for a member of its staff (or the LA's staff).</summary>
    public async Task<SchoolMeasures> ForSchoolAsync(Actor actor, Guid schoolId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var pupils = access.VisibleTo(actor).Where(p => p.SchoolId == schoolId);
        var rows = db.CareersParticipations.Where(p => p.SchoolId == schoolId);
        var result = await ComputeAsync(pupils, rows, db.PupilGroups.Where(g => g.SchoolId == schoolId), asOf, cancellationToken);
        return result.TryGetValue(schoolId, out var school) ? school : new SchoolMeasures(schoolId, asOf, []);
    }

    /// <summary>Every school of an LA at once: the snapshots and the benchmark run this.</summary>
    public async Task<IReadOnlyDictionary<Guid, SchoolMeasures>> ForLaAsync(Actor actor, string laCode, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && actor.LaCode != laCode)
        {
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "CareersMeasures", laCode,
                details: new { purpose = "careers measures", reason = "another LA" }, cancellationToken: cancellationToken);
            return new Dictionary<Guid, SchoolMeasures>();
        }

        var schools = db.Organisations.Where(o => o.LaCode == laCode).Select(o => (Guid?)o.Id);
        var pupils = db.YoungPeople.Where(p => schools.Contains(p.SchoolId));
        var rows = db.CareersParticipations.Where(p => schools.Contains(p.SchoolId));
        return await ComputeAsync(pupils, rows, db.PupilGroups.Where(g => schools.Contains(g.SchoolId)), asOf, cancellationToken);
    }

    /// <summary>The grouped counts per pupil as at a date. Exposed for tests of the windows at their boundaries.</summary>
    public IQueryable<PupilCounts> Counts(IQueryable<CareersParticipation> rows, DateOnly asOf)
    {
        var year = YoungPeople.AcademicAge.AcademicYearStart(asOf);

        // The type ranges follow CareersActivityType's order: EmployerTalk..WorkExperience are employer encounters,
        // WorkplaceVisit..WorkExperience workplace experiences (CareersActivityTypes lists them by name).
        const CareersActivityType firstEmployer = CareersActivityType.EmployerTalk;
        const CareersActivityType lastEmployer = CareersActivityType.WorkExperience;
        const CareersActivityType firstWorkplace = CareersActivityType.WorkplaceVisit;
        // Distinct providers per window without COUNT(DISTINCT), which would force a sort of every row: the lowest and
        // highest provider ID seen differ exactly when there were two or more.
        return from p in rows
               where p.Date <= asOf
               group p by p.YoungPersonId into g
               select new PupilCounts
               {
                   YoungPersonId = g.Key,
                   Activities = g.Count(),
                   EmployerThisYear = g.Count(x => x.Type >= firstEmployer && x.Type <= lastEmployer && x.AcademicYear == year),
                   EmployerTotal = g.Count(x => x.Type >= firstEmployer && x.Type <= lastEmployer),
                   WorkplaceBy16 = g.Count(x => x.Type >= firstWorkplace && x.Type <= lastEmployer && x.YearGroup <= 11),
                   WorkplaceBy18 = g.Count(x => x.Type >= firstWorkplace && x.Type <= lastEmployer && x.YearGroup <= 13),
                   WorkplaceHours = g.Sum(x => x.Type >= firstWorkplace && x.Type <= lastEmployer ? x.Hours : null) ?? 0m,
                   ProvidersPhase1 = g.Min(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                       && (x.YearGroup == 8 || (x.YearGroup == 9 && x.BeforeMarch)) ? x.PartnerId.ToString() : null) == null ? 0
                       : g.Min(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                           && (x.YearGroup == 8 || (x.YearGroup == 9 && x.BeforeMarch)) ? x.PartnerId.ToString() : null)
                         == g.Max(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                           && (x.YearGroup == 8 || (x.YearGroup == 9 && x.BeforeMarch)) ? x.PartnerId.ToString() : null) ? 1 : 2,
                   ProvidersPhase2 = g.Min(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                       && (x.YearGroup == 10 || (x.YearGroup == 11 && x.BeforeMarch)) ? x.PartnerId.ToString() : null) == null ? 0
                       : g.Min(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                           && (x.YearGroup == 10 || (x.YearGroup == 11 && x.BeforeMarch)) ? x.PartnerId.ToString() : null)
                         == g.Max(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                           && (x.YearGroup == 10 || (x.YearGroup == 11 && x.BeforeMarch)) ? x.PartnerId.ToString() : null) ? 1 : 2,
                   ProvidersPhase3 = g.Min(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                       && (x.YearGroup == 12 || (x.YearGroup == 13 && x.BeforeMarch)) ? x.PartnerId.ToString() : null) == null ? 0
                       : g.Min(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                           && (x.YearGroup == 12 || (x.YearGroup == 13 && x.BeforeMarch)) ? x.PartnerId.ToString() : null)
                         == g.Max(x => x.Type == CareersActivityType.ProviderEncounter && x.InSchoolHours
                           && (x.YearGroup == 12 || (x.YearGroup == 13 && x.BeforeMarch)) ? x.PartnerId.ToString() : null) ? 1 : 2,
                   HigherEducation = g.Count(x => x.Type == CareersActivityType.HigherEducationVisit),
                   GuidanceBy16 = g.Count(x => x.Type == CareersActivityType.PersonalGuidance && x.YearGroup <= 11),
                   GuidanceBy18 = g.Count(x => x.Type == CareersActivityType.PersonalGuidance && x.YearGroup <= 13),
                   LessonsThisYear = g.Count(x => x.Type == CareersActivityType.CareersLesson && x.AcademicYear == year),
               };
    }

    private async Task<Dictionary<Guid, SchoolMeasures>> ComputeAsync(
        IQueryable<YoungPerson> pupils, IQueryable<CareersParticipation> rows, IQueryable<PupilGroup> groups, DateOnly asOf, CancellationToken cancellationToken)
    {
        var (earliest, _) = YoungPeople.AcademicAge.DateOfBirthRange(13, asOf);
        var (_, latest) = YoungPeople.AcademicAge.DateOfBirthRange(7, asOf);
        var roll = pupils.Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest && p.SchoolId != null
            && (p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G));

        // On PostgreSQL the grouped counts for a whole LA (tens of thousands of pupils, each with a few dozen running
        // aggregates) need more than the default 4 MB of working memory to be hashed in one pass; without it the planner
        // sorts every row by pupil instead. JIT compiling the wide expression costs more than it saves at this size.
        await using var transaction = db.IsPostgres && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (transaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '128MB'; SET LOCAL jit = off", cancellationToken);
        }

        var counts = new Dictionary<Guid, PupilCounts>();
        await foreach (var c in Counts(rows, asOf).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            counts[c.YoungPersonId] = c;
        }

        var forms = new Dictionary<Guid, string>();
        var formRows = from m in db.PupilGroupMembers
                       join g in groups on m.GroupId equals g.Id
                       where g.Kind == PupilGroupKind.Form
                       select new { m.YoungPersonId, g.Name };
        await foreach (var f in formRows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            forms[f.YoungPersonId] = f.Name;
        }

        var bySchool = new Dictionary<Guid, List<PupilMeasures>>();
        var people = roll.Select(p => new
        {
            p.Id,
            p.SchoolId,
            p.GivenName,
            p.PreferredGivenName,
            p.FamilyName,
            p.PreferredFamilyName,
            p.DateOfBirth,
            Send = p.HasEhcPlan || p.HasSenSupport,
            Fsm = p.Census != null && p.Census.FreeSchoolMeals,
            Absent = p.Census != null && p.Census.AttendancePercent < 90m,
        }).AsNoTracking();
        await foreach (var p in people.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var pupil = new CareersPupil(p.Id, $"{p.PreferredGivenName ?? p.GivenName} {p.PreferredFamilyName ?? p.FamilyName}",
                YoungPeople.AcademicAge.YearGroup(p.DateOfBirth, asOf), forms.GetValueOrDefault(p.Id), p.Send, p.Fsm, p.Absent);
            if (!bySchool.TryGetValue(p.SchoolId!.Value, out var list))
            {
                bySchool[p.SchoolId.Value] = list = [];
            }

            list.Add(new PupilMeasures(pupil, counts.GetValueOrDefault(p.Id) ?? PupilCounts.None));
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return bySchool.ToDictionary(s => s.Key, s => new SchoolMeasures(s.Key, asOf, s.Value));
    }
}
