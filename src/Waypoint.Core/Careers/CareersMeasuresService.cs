using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Careers;

/// <summary>
/// Works out every pupil's measures from what was recorded. The database does the counting in one grouped query over
/// the participation rows (each window as a conditional count), so the cost is one pass over the rows whatever the
/// number of pupils; the few provider encounters come back as distinct rows for the "not the same provider twice"
/// rule, and advisers' guidance interviews from casework are added; the pupils are read in a last query.
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

        // The LA's schools as a list of IDs: PostgreSQL then checks each of the million participation rows against a
        // hashed array rather than joining every row to organisations.
        var schools = await db.Organisations.Where(o => o.LaCode == laCode).Select(o => o.Id).ToListAsync(cancellationToken);
        var pupils = db.YoungPeople.Where(p => p.SchoolId != null && schools.Contains(p.SchoolId.Value));
        var rows = db.CareersParticipations.Where(p => schools.Contains(p.SchoolId));
        return await ComputeAsync(pupils, rows, db.PupilGroups.Where(g => schools.Contains(g.SchoolId)), asOf, cancellationToken);
    }

    /// <summary>
    /// The grouped counts per pupil as at a date, all but the provider encounters (see <see cref="ProviderEncounters"/>):
    /// plain conditional counts and one sum, so PostgreSQL hashes the rows in one pass.
    /// </summary>
    public IQueryable<PupilCounts> Counts(IQueryable<CareersParticipation> rows, DateOnly asOf)
    {
        var year = YoungPeople.AcademicAge.AcademicYearStart(asOf);

        // The type ranges follow CareersActivityType's order: EmployerTalk..WorkExperience are employer encounters,
        // WorkplaceVisit..WorkExperience workplace experiences (CareersActivityTypes lists them by name).
        const CareersActivityType firstEmployer = CareersActivityType.EmployerTalk;
        const CareersActivityType lastEmployer = CareersActivityType.WorkExperience;
        const CareersActivityType firstWorkplace = CareersActivityType.WorkplaceVisit;
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
                   // Summed as double: a decimal (numeric) sum's state is serialised for every pupil between PostgreSQL's
                   // parallel workers, which cost more than all the counts together. Hours have one decimal place.
                   WorkplaceHoursSum = g.Sum(x => x.Type >= firstWorkplace && x.Type <= lastEmployer ? (double?)x.Hours : null) ?? 0d,
                   HigherEducation = g.Count(x => x.Type == CareersActivityType.HigherEducationVisit),
                   GuidanceBy16 = g.Count(x => x.Type == CareersActivityType.PersonalGuidance && x.YearGroup <= 11),
                   GuidanceBy18 = g.Count(x => x.Type == CareersActivityType.PersonalGuidance && x.YearGroup <= 13),
                   LessonsThisYear = g.Count(x => x.Type == CareersActivityType.CareersLesson && x.AcademicYear == year),
               };
    }

    /// <summary>
    /// The provider encounters that can count under the provider access law (in school hours, with a named provider,
    /// Year 8 or later), one row per pupil, year group, before-March flag and provider. They are a small share of all
    /// participations, so counting distinct providers per phase is done here rather than widening the grouped counts.
    /// </summary>
    public IQueryable<ProviderEncounterRow> ProviderEncounters(IQueryable<CareersParticipation> rows, DateOnly asOf) =>
        rows.Where(p => p.Date <= asOf && p.Type == CareersActivityType.ProviderEncounter && p.InSchoolHours
                && p.PartnerId != null && p.YearGroup >= 8)
            .Select(p => new ProviderEncounterRow(p.YoungPersonId, p.YearGroup, p.BeforeMarch, p.PartnerId!.Value))
            .Distinct();

    /// <summary>
    /// Personal guidance interviews advisers recorded in casework, which count towards the guidance measures without
    /// the school recording them again: a one-to-one guidance interview (not a group session) by an adviser who held a
    /// qualification at level 6 or above on the day (Gatsby Benchmark 8: the CDI register's level 6).
    /// </summary>
    public IQueryable<CaseworkInterviewRow> CaseworkInterviews(IQueryable<YoungPerson> pupils, DateOnly asOf) =>
        from c in db.CaseContacts
        join p in pupils on c.YoungPersonId equals p.Id
        where c.Type == Casework.ContactType.GuidanceInterview && c.Channel != Casework.ContactChannel.GroupSession
            && c.OccurredOn <= asOf
            && db.AdviserQualifications.Any(q => q.UserId == c.RecordedByUserId && q.Level >= 6 && q.AwardedOn <= c.OccurredOn)
        select new CaseworkInterviewRow(c.YoungPersonId, c.OccurredOn, p.DateOfBirth);

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

        // Distinct providers per provider access phase, counted to two (all the law asks).
        var providers = new Dictionary<(Guid Pupil, int Phase), (Guid First, bool Second)>();
        await foreach (var e in ProviderEncounters(rows, asOf).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var phase = CareersMeasures.ProviderPhase(e.YearGroup, e.BeforeMarch);
            if (phase == 0)
            {
                continue;
            }

            var key = (e.YoungPersonId, phase);
            providers[key] = providers.TryGetValue(key, out var seen) ? (seen.First, seen.Second || seen.First != e.PartnerId) : (e.PartnerId, false);
        }

        foreach (var ((pupil, phase), seen) in providers)
        {
            var c = CountsFor(counts, pupil);
            var distinct = seen.Second ? 2 : 1;
            switch (phase)
            {
                case 1: c.ProvidersPhase1 = distinct; break;
                case 2: c.ProvidersPhase2 = distinct; break;
                default: c.ProvidersPhase3 = distinct; break;
            }
        }

        await foreach (var i in CaseworkInterviews(roll, asOf).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var c = CountsFor(counts, i.YoungPersonId);
            var yearGroup = YoungPeople.AcademicAge.YearGroup(i.DateOfBirth, i.OccurredOn);
            c.GuidanceBy16 += yearGroup <= 11 ? 1 : 0;
            c.GuidanceBy18 += yearGroup <= 13 ? 1 : 0;
        }

        // Each pupil with their form (registration group), in one statement: a pupil is in one form at most, and the
        // first row seen wins should a school's data ever say otherwise.
        var forms = from m in db.PupilGroupMembers
                    join g in groups on m.GroupId equals g.Id
                    where g.Kind == PupilGroupKind.Form
                    select new { m.YoungPersonId, g.Name };
        var bySchool = new Dictionary<Guid, List<PupilMeasures>>();
        var listed = new HashSet<Guid>();
        var people = from p in roll
                     join f in forms on p.Id equals f.YoungPersonId into pupilForms
                     from f in pupilForms.DefaultIfEmpty()
                     select new
                     {
                         p.Id,
                         p.SchoolId,
                         p.GivenName,
                         p.PreferredGivenName,
                         p.FamilyName,
                         p.PreferredFamilyName,
                         p.DateOfBirth,
                         Form = f == null ? null : f.Name,
                         Send = p.HasEhcPlan || p.HasSenSupport,
                         Fsm = p.Census != null && p.Census.FreeSchoolMeals,
                         Absent = p.Census != null && p.Census.AttendancePercent < 90m,
                     };
        await foreach (var p in people.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!listed.Add(p.Id))
            {
                continue;
            }

            var pupil = new CareersPupil(p.Id, $"{p.PreferredGivenName ?? p.GivenName} {p.PreferredFamilyName ?? p.FamilyName}",
                YoungPeople.AcademicAge.YearGroup(p.DateOfBirth, asOf), p.Form, p.Send, p.Fsm, p.Absent);
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

    private static PupilCounts CountsFor(Dictionary<Guid, PupilCounts> counts, Guid pupil)
    {
        if (!counts.TryGetValue(pupil, out var c))
        {
            counts[pupil] = c = new PupilCounts { YoungPersonId = pupil };
        }

        return c;
    }
}

/// <summary>One pupil's encounter with one provider in a year group, before or after 1 March.</summary>
public sealed record ProviderEncounterRow(Guid YoungPersonId, int YearGroup, bool BeforeMarch, Guid PartnerId);

/// <summary>A guidance interview from casework, with the pupil's date of birth to place it in a year group.</summary>
public sealed record CaseworkInterviewRow(Guid YoungPersonId, DateOnly OccurredOn, DateOnly DateOfBirth);
