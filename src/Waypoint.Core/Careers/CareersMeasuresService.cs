using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Careers;

/// <summary>
/// Works out every pupil's measures from what was recorded. The counts come from the tally the database keeps per pupil
/// and school (<see cref="CareersTally"/>), read in the same statement as the pupils, so an LA of a million
/// participations is read as one row per pupil; for a date before a tally's latest participation (a snapshot of a past
/// date) they are counted from the participation rows instead, in one grouped query (each window a conditional count)
/// and a distinct read of the provider encounters. Advisers' guidance interviews from casework are added.
/// </summary>
public class CareersMeasuresService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit)
{
    /// <summary>A school's pupils with their measures as at a date, for a member of its staff (or the LA's staff).</summary>
    public async Task<SchoolMeasures> ForSchoolAsync(Actor actor, Guid schoolId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var pupils = access.VisibleTo(actor).Where(p => p.SchoolId == schoolId);
        var rows = db.CareersParticipations.Where(p => p.SchoolId == schoolId);
        var result = await ComputeAsync(pupils, rows, db.CareersTallies.Where(t => t.SchoolId == schoolId), db.PupilGroups.Where(g => g.SchoolId == schoolId), asOf, named: true, cancellationToken);
        return result.TryGetValue(schoolId, out var school) ? school : new SchoolMeasures(schoolId, asOf, []);
    }

    /// <summary>
    /// Every school of an LA at once, for the figures (the snapshots and the benchmark run this): the pupils carry no
    /// names or forms, which the figures do not use. A school's lists of names come from <see cref="ForSchoolAsync"/>.
    /// </summary>
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
        return await ComputeAsync(db.YoungPeople.Where(p => p.SchoolId != null && schools.Contains(p.SchoolId.Value)),
            db.CareersParticipations.Where(p => schools.Contains(p.SchoolId)), db.CareersTallies.Where(t => schools.Contains(t.SchoolId)),
            db.PupilGroups.Where(g => schools.Contains(g.SchoolId)), asOf, named: false, cancellationToken);
    }

    /// <summary>
    /// Checks the tallies against the participation rows: every pupil's counts both ways, as at the latest tallied
    /// participation. The tallies are kept by database triggers, so a difference means a write went round them (a
    /// table rebuilt without its triggers, a restore of one table): the check names the pupils.
    /// </summary>
    public async Task<TallyCheck> CheckTalliesAsync(CancellationToken cancellationToken = default)
    {
        // One snapshot for both counts, so a register recorded meanwhile cannot look like a difference; as at the latest
        // participation as well as the latest tally, so rows the tallies missed are counted on one side only.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);
        var latestTally = await db.CareersTallies.MaxAsync(t => (DateOnly?)t.LatestDate, cancellationToken);
        var latestRow = await db.CareersParticipations.MaxAsync(p => (DateOnly?)p.Date, cancellationToken);
        var asOf = new[] { latestTally, latestRow }.Max() ?? DateOnly.MinValue;
        var tallied = await TalliedCountsAsync(db.CareersTallies, asOf, cancellationToken);
        var counted = await CountedFromRowsAsync(db.CareersParticipations, asOf, cancellationToken);
        var differ = tallied.Keys.Union(counted.Keys)
            .Where(id => !SameCounts(tallied.GetValueOrDefault(id) ?? PupilCounts.None, counted.GetValueOrDefault(id) ?? PupilCounts.None))
            .ToList();
        return new TallyCheck(asOf, tallied.Count, counted.Count, differ);
    }

    private static bool SameCounts(PupilCounts a, PupilCounts b) =>
        (a.Activities, a.EmployerThisYear, a.EmployerTotal, a.WorkplaceBy16, a.WorkplaceBy18, a.WorkplaceHours, a.ProvidersPhase1, a.ProvidersPhase2,
            a.ProvidersPhase3, a.HigherEducation, a.GuidanceBy16, a.GuidanceBy18, a.LessonsThisYear)
        == (b.Activities, b.EmployerThisYear, b.EmployerTotal, b.WorkplaceBy16, b.WorkplaceBy18, b.WorkplaceHours, b.ProvidersPhase1, b.ProvidersPhase2,
            b.ProvidersPhase3, b.HigherEducation, b.GuidanceBy16, b.GuidanceBy18, b.LessonsThisYear);

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
        IQueryable<YoungPerson> pupils, IQueryable<CareersParticipation> rows, IQueryable<CareersTally> tallies, IQueryable<PupilGroup> groups, DateOnly asOf,
        bool named, CancellationToken cancellationToken)
    {
        var (earliest, _) = YoungPeople.AcademicAge.DateOfBirthRange(13, asOf);
        var (_, latest) = YoungPeople.AcademicAge.DateOfBirthRange(7, asOf);
        var roll = pupils.Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest && p.SchoolId != null
            && (p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G));

        // Every read below sees one state of the database: otherwise a register recorded between the question whether
        // the tallies hold for the date and reading them would be counted in a snapshot of an earlier date.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);

        // The tallies hold as at any date on or after their latest participation; for an earlier date (a snapshot of
        // a past date) the counts come from the rows, and the tallies are not read.
        var counted = await tallies.AnyAsync(t => t.LatestDate > asOf, cancellationToken)
            ? await CountedFromRowsAsync(rows, asOf, cancellationToken)
            : null;
        var read = TallyRead.From(counted is null ? tallies : tallies.Where(_ => false), YoungPeople.AcademicAge.AcademicYearStart(asOf));

        var interviews = new Dictionary<Guid, (int By16, int By18)>();
        await foreach (var i in CaseworkInterviews(roll, asOf).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var yearGroup = YoungPeople.AcademicAge.YearGroup(i.DateOfBirth, i.OccurredOn);
            var (by16, by18) = interviews.GetValueOrDefault(i.YoungPersonId);
            interviews[i.YoungPersonId] = (by16 + (yearGroup <= 11 ? 1 : 0), by18 + (yearGroup <= 13 ? 1 : 0));
        }

        var bySchool = new Dictionary<Guid, List<PupilMeasures>>();
        var counts = new Dictionary<Guid, PupilCounts>();
        var added = new HashSet<(Guid Pupil, Guid School)>();
        var providers = new ProviderEncounterTally();

        // One row per pupil and tally (a pupil who moved between the scope's schools has one at each) and form.
        PupilCounts Add(Guid id, Guid schoolId, string name, int yearGroup, string? form, bool send, bool fsm, bool absent, TallyRead? tally, out bool again)
        {
            again = counts.TryGetValue(id, out var c);
            if (!again)
            {
                c = counted?.GetValueOrDefault(id) ?? new PupilCounts { YoungPersonId = id };
                counts[id] = c;
                if (!bySchool.TryGetValue(schoolId, out var list))
                {
                    bySchool[schoolId] = list = [];
                }

                list.Add(new PupilMeasures(new CareersPupil(id, name, yearGroup, form, send, fsm, absent), c!));
            }

            // With forms joined a tally can come twice (a pupil listed in two forms); without, each row is another tally.
            if (tally?.SchoolId is { } tallySchool && (!named || added.Add((id, tallySchool))))
            {
                tally.AddTo(c!);
                providers.Add(id, tally);
            }

            return c!;
        }

        if (named)
        {
            // Each pupil with their form (registration group), in one statement: a pupil is in one form at most, and
            // the first row seen wins should a school's data ever say otherwise.
            var forms = from m in db.PupilGroupMembers
                        join g in groups on m.GroupId equals g.Id
                        where g.Kind == PupilGroupKind.Form
                        select new { m.YoungPersonId, g.Name };
            var people = from p in roll
                         join f in forms on p.Id equals f.YoungPersonId into pupilForms
                         from f in pupilForms.DefaultIfEmpty()
                         join t in read on p.Id equals t.YoungPersonId into pupilTallies
                         from t in pupilTallies.DefaultIfEmpty()
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
                             Tally = t,
                         };
            await foreach (var p in people.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                Add(p.Id, p.SchoolId!.Value, $"{p.PreferredGivenName ?? p.GivenName} {p.PreferredFamilyName ?? p.FamilyName}",
                    YoungPeople.AcademicAge.YearGroup(p.DateOfBirth, asOf), p.Form, p.Send, p.Fsm, p.Absent, p.Tally, out _);
            }
        }
        else
        {
            // The LA's figures need neither names nor forms. Reading is most of the work here (every value read is work
            // at both ends of the connection), so each pupil comes as six values: the year group (from the dates of
            // birth that bound each year, worked out here), SEND, free school meals, persistent absence and how many
            // distinct providers each phase has are packed into one number, the counts into two (TallyRead).
            var bounds = Enumerable.Range(7, 6).Select(y => YoungPeople.AcademicAge.DateOfBirthRange(y, asOf).Earliest).ToArray();
            var (year7, year8, year9, year10, year11, year12) = (bounds[0], bounds[1], bounds[2], bounds[3], bounds[4], bounds[5]);
            var lean = from p in roll
                       join t in read on p.Id equals t.YoungPersonId into pupilTallies
                       from t in pupilTallies.DefaultIfEmpty()
                       select new
                       {
                           p.Id,
                           p.SchoolId,
                           Packed = (p.DateOfBirth >= year7 ? 7 : p.DateOfBirth >= year8 ? 8 : p.DateOfBirth >= year9 ? 9 : p.DateOfBirth >= year10 ? 10
                                   : p.DateOfBirth >= year11 ? 11 : p.DateOfBirth >= year12 ? 12 : 13)
                               + (p.HasEhcPlan || p.HasSenSupport ? LeanBits.Send : 0)
                               + (p.Census != null && p.Census.FreeSchoolMeals ? LeanBits.Fsm : 0)
                               + (p.Census != null && p.Census.AttendancePercent < 90m ? LeanBits.Absent : 0)
                               + (t.YoungPersonId == null ? 0 : LeanBits.Tallied)
                               + (t.Phase1Provider == null ? 0 : LeanBits.Phase1) + (t.Phase1OtherProvider == null ? 0 : LeanBits.Phase1)
                               + (t.Phase2Provider == null ? 0 : LeanBits.Phase2) + (t.Phase2OtherProvider == null ? 0 : LeanBits.Phase2)
                               + (t.Phase3Provider == null ? 0 : LeanBits.Phase3) + (t.Phase3OtherProvider == null ? 0 : LeanBits.Phase3),
                           t.Counts,
                           t.MoreCounts,
                           t.WorkplaceHours,
                       };
            var movedWithin = new HashSet<Guid>();
            // The command EF writes, read by ordinal: materialising 60,000 rows through EF costs as much again as reading them.
            await using var command = lean.CreateDbCommand();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var (id, schoolId, packed) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2));
                    var c = Add(id, schoolId, string.Empty, packed & LeanBits.YearGroup, null,
                        (packed & LeanBits.Send) != 0, (packed & LeanBits.Fsm) != 0, (packed & LeanBits.Absent) != 0, null, out var again);
                    if ((packed & LeanBits.Tallied) == 0)
                    {
                        continue;
                    }

                    TallyRead.Add(c, reader.GetInt64(3), reader.GetInt64(4), reader.GetDouble(5));
                    if (again)
                    {
                        // A second tally: the pupil moved between the LA's schools, and the providers are counted again below.
                        movedWithin.Add(id);
                    }

                    c.ProvidersPhase1 = Math.Max(c.ProvidersPhase1, packed / LeanBits.Phase1 % 4);
                    c.ProvidersPhase2 = Math.Max(c.ProvidersPhase2, packed / LeanBits.Phase2 % 4);
                    c.ProvidersPhase3 = Math.Max(c.ProvidersPhase3, packed / LeanBits.Phase3 % 4);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            // Distinct providers across a moved pupil's schools come from the providers themselves: the same college met at
            // both schools counts once.
            if (movedWithin.Count > 0)
            {
                foreach (var chunk in movedWithin.Chunk(1000))
                {
                    await foreach (var t in read.Where(t => chunk.Contains(t.YoungPersonId!.Value)).AsAsyncEnumerable().WithCancellation(cancellationToken))
                    {
                        providers.Add(t.YoungPersonId!.Value, t);
                    }
                }

                foreach (var pupil in movedWithin)
                {
                    var c = counts[pupil];
                    (c.ProvidersPhase1, c.ProvidersPhase2, c.ProvidersPhase3) = (0, 0, 0);
                }
            }
        }

        providers.CopyTo(counts);
        foreach (var (pupil, (by16, by18)) in interviews)
        {
            if (counts.TryGetValue(pupil, out var c))
            {
                c.GuidanceBy16 += by16;
                c.GuidanceBy18 += by18;
            }
        }

        return bySchool.ToDictionary(s => s.Key, s => new SchoolMeasures(s.Key, asOf, s.Value));
    }

    /// <summary>Every pupil's counts from the tallies alone, as at a date on or after every tally's latest participation.</summary>
    private static async Task<Dictionary<Guid, PupilCounts>> TalliedCountsAsync(IQueryable<CareersTally> tallies, DateOnly asOf, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<Guid, PupilCounts>();
        var providers = new ProviderEncounterTally();
        await foreach (var t in TallyRead.From(tallies, YoungPeople.AcademicAge.AcademicYearStart(asOf)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            t.AddTo(CountsFor(counts, t.YoungPersonId!.Value));
            providers.Add(t.YoungPersonId.Value, t);
        }

        providers.CopyTo(counts);
        return counts;
    }

    /// <summary>Every pupil's counts from the participation rows themselves, for any date.</summary>
    private async Task<Dictionary<Guid, PupilCounts>> CountedFromRowsAsync(IQueryable<CareersParticipation> rows, DateOnly asOf, CancellationToken cancellationToken)
    {
        // On PostgreSQL the grouped counts for a whole LA (tens of thousands of pupils, each with a few dozen running
        // aggregates) need more than the default 4 MB of working memory to be hashed in one pass; without it the planner
        // sorts every row by pupil instead. JIT compiling the wide expression costs more than it saves at this size.
        // SET LOCAL lasts to the end of the transaction: the measures' own read snapshot, or one begun here.
        await using var transaction = db.IsPostgres && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '128MB'; SET LOCAL jit = off", cancellationToken);
        }

        var counts = new Dictionary<Guid, PupilCounts>();
        await foreach (var c in Counts(rows, asOf).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            counts[c.YoungPersonId] = c;
        }

        var providers = new ProviderEncounterTally();
        await foreach (var e in ProviderEncounters(rows, asOf).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            providers.Add(e.YoungPersonId, CareersMeasures.ProviderPhase(e.YearGroup, e.BeforeMarch), e.PartnerId);
        }

        providers.CopyTo(counts);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return counts;
    }

    /// <summary>The fields of the number each pupil of an LA is read with (see the lean read in ComputeAsync).</summary>
    private static class LeanBits
    {
        public const int YearGroup = 31;
        public const int Send = 32;
        public const int Fsm = 64;
        public const int Absent = 128;

        // Two bits a phase: how many distinct providers (0, 1 or 2) one tally holds, the provider and the other each adding one.
        public const int Phase1 = 256;
        public const int Phase2 = 1024;
        public const int Phase3 = 4096;

        // Whether the pupil has a tally at all: the packed counts cannot say, as PostgreSQL's LEAST ignores nulls.
        public const int Tallied = 16384;
    }

    /// <summary>Distinct providers per pupil and provider access phase, counted to two (all the law asks).</summary>
    private sealed class ProviderEncounterTally
    {
        private readonly Dictionary<(Guid Pupil, int Phase), (Guid First, bool Second)> seen = [];

        public void Add(Guid pupil, int phase, Guid? provider)
        {
            if (phase == 0 || provider is not { } partner)
            {
                return;
            }

            var key = (pupil, phase);
            seen[key] = seen.TryGetValue(key, out var was) ? (was.First, was.Second || was.First != partner) : (partner, false);
        }

        public void Add(Guid pupil, TallyRead tally)
        {
            Add(pupil, 1, tally.Phase1Provider);
            Add(pupil, 1, tally.Phase1OtherProvider);
            Add(pupil, 2, tally.Phase2Provider);
            Add(pupil, 2, tally.Phase2OtherProvider);
            Add(pupil, 3, tally.Phase3Provider);
            Add(pupil, 3, tally.Phase3OtherProvider);
        }

        public void CopyTo(Dictionary<Guid, PupilCounts> counts)
        {
            foreach (var ((pupil, phase), providers) in seen)
            {
                var c = CountsFor(counts, pupil);
                var distinct = providers.Second ? 2 : 1;
                switch (phase)
                {
                    case 1: c.ProvidersPhase1 = distinct; break;
                    case 2: c.ProvidersPhase2 = distinct; break;
                    default: c.ProvidersPhase3 = distinct; break;
                }
            }
        }
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

/// <summary>The tallies checked against the rows as at a date: pupils counted each way, and those whose counts differ.</summary>
public sealed record TallyCheck(DateOnly AsOf, int PupilsTallied, int PupilsCounted, IReadOnlyList<Guid> Differ)
{
    public bool Agree => Differ.Count == 0 && PupilsTallied == PupilsCounted;
}

/// <summary>One pupil's encounter with one provider in a year group, before or after 1 March.</summary>
public sealed record ProviderEncounterRow(Guid YoungPersonId, int YearGroup, bool BeforeMarch, Guid PartnerId);

/// <summary>A guidance interview from casework, with the pupil's date of birth to place it in a year group.</summary>
public sealed record CaseworkInterviewRow(Guid YoungPersonId, DateOnly OccurredOn, DateOnly DateOfBirth);
