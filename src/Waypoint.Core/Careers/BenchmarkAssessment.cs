using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;

namespace Waypoint.Core.Careers;

/// <summary>One question of the self-assessment. <see cref="FromData"/> areas are worked out, the rest answered.</summary>
public sealed record AssessmentArea(string Key, int Benchmark, string Question, bool FromData, CareersMeasure? Measure = null, int? YearGroup = null);

public sealed record AreaResult(AssessmentArea Area, AreaStatus Status, string? Evidence, bool Applicable = true)
{
    public bool Met => Status == AreaStatus.Achieved;
}

/// <summary>A benchmark scored as Compass does: the share of its (applicable) areas met; fully achieved only at 100%.</summary>
public sealed record BenchmarkResult(int Benchmark, IReadOnlyList<AreaResult> Areas)
{
    public int Scored => Areas.Count(a => a.Applicable);
    public int Met => Areas.Count(a => a.Applicable && a.Met);
    public int Percent => Scored == 0 ? 0 : Met * 100 / Scored;
    public bool FullyAchieved => Scored > 0 && Met == Scored;
    public string Name => CareersActivityTypes.BenchmarkNames[Benchmark];
}

/// <summary>Counts over a school's activities (not pupils) that some areas are evidenced from.</summary>
public sealed record ActivityStats(int WorkplaceActivities, int WorkplaceWithEmployerFeedback, IReadOnlyList<string> LessonSubjects, int Activities, int Meaningful);

/// <summary>
/// The Compass-style self-assessment (UNCONFIRMED wording: CEC's areas are paraphrased in schools-careers.md). A data
/// area is achieved when every pupil it is due for meets the measure, in progress from half of them, not achieved
/// below; with no pupils due (no sixth form) it does not count towards the score.
/// </summary>
public class BenchmarkAssessment(WaypointDbContext db, CareersMeasuresService measures, AuditTrail audit, TimeProvider clock, IServiceScopeFactory scopes)
{
    public static readonly IReadOnlyList<AssessmentArea> Areas = BuildAreas();

    private static List<AssessmentArea> BuildAreas()
    {
        var areas = new List<AssessmentArea>
        {
            new("bm1-leader", 1, "A trained Careers Leader is named and the programme is published with their name, email and phone", true),
            new("bm1-review", 1, "The published programme has a next review date that has not passed", true),
            new("bm1-backing", 1, "The programme has the explicit backing of governors, the headteacher and senior leaders", false),
            new("bm1-evaluation", 1, "The programme is evaluated with feedback from pupils, parents and carers, teachers, advisers and employers", false),
            new("bm1-parents", 1, "The programme sets out how parents and carers are engaged", false),
            new("bm2-lmi", 2, "Every pupil and their parents or carers use career and labour market information", false),
            new("bm3-records", 3, "A record of careers activities is kept for every pupil", true),
            new("bm3-inclusion", 3, "Pupils with SEND and disadvantaged pupils have employer encounters as often as others", true),
            new("bm3-destinations", 3, "Destinations are collected and used for at least three years after leaving", false),
            new("bm4-lessons", 4, "Every pupil has had careers learning in a subject lesson this year", true),
            new("bm4-subjects", 4, "Every subject teacher links their subject to careers", false),
        };
        for (var year = 7; year <= 13; year++)
        {
            areas.Add(new($"bm5-y{year}", 5, $"Every pupil in Year {year} has had a meaningful encounter with an employer this year", true, CareersMeasure.EmployerEncounterThisYear, year));
        }

        areas.AddRange(
        [
            new("bm6-by16", 6, "Every pupil has had a workplace experience by the end of Year 11", true, CareersMeasure.WorkplaceExperienceBy16),
            new("bm6-by18", 6, "Every sixth-form student has had a further workplace experience", true, CareersMeasure.WorkplaceExperienceBy18),
            new("bm6-meaningful", 6, "Workplace experiences are meaningful: an employer task and feedback are recorded", true),
            new("bm7-pal1", 7, "Every pupil has had two provider encounters in Years 8 to 9 (provider access)", true, CareersMeasure.ProviderEncountersYears8To9),
            new("bm7-pal2", 7, "Every pupil has had two provider encounters in Years 10 to 11 (provider access)", true, CareersMeasure.ProviderEncountersYears10To11),
            new("bm7-pal3", 7, "Two provider encounters are offered to every sixth-form student (provider access)", true, CareersMeasure.ProviderEncountersYears12To13),
            new("bm7-he", 7, "Every sixth-form student has had an encounter with higher education", true, CareersMeasure.HigherEducationEncounter),
            new("bm7-policy", 7, "A provider access policy statement is published", true),
            new("bm8-by16", 8, "Every pupil has had a personal guidance interview by 16", true, CareersMeasure.PersonalGuidanceBy16),
            new("bm8-by18", 8, "Every student has had a further personal guidance interview by 18", true, CareersMeasure.PersonalGuidanceBy18),
            new("bm8-qualified", 8, "Personal guidance is given by an adviser qualified to at least level 6", false),
        ]);
        return areas;
    }

    public static AreaStatus StatusFor(int met, int due) =>
        met == due ? AreaStatus.Achieved : met * 2 >= due ? AreaStatus.InProgress : AreaStatus.NotAchieved;

    /// <summary>Scores every benchmark from the measures, the programme and the Careers Leader's answers.</summary>
    public static IReadOnlyList<BenchmarkResult> Evaluate(SchoolMeasures school, CareersProgramme? programme, IReadOnlyDictionary<string, BenchmarkAnswer> answers, ActivityStats stats)
    {
        var results = new List<AreaResult>();
        foreach (var area in Areas)
        {
            if (!area.FromData)
            {
                var answer = answers.GetValueOrDefault(area.Key);
                results.Add(new AreaResult(area, answer?.Status ?? AreaStatus.Unscored, answer?.Evidence));
                continue;
            }

            results.Add(area.Measure is { } measure ? WithTwoWeeks(MeasureArea(school, area, measure), school, measure) : area.Key switch
            {
                "bm1-leader" => programme is null
                    ? new AreaResult(area, AreaStatus.NotAchieved, "No programme has been published yet.")
                    : new AreaResult(area, AreaStatus.Achieved, $"Careers Leader: {programme.CareersLeaderName}, {programme.CareersLeaderEmail}, {programme.CareersLeaderPhone}."),
                "bm1-review" => programme is null
                    ? new AreaResult(area, AreaStatus.NotAchieved, "No programme has been published yet.")
                    : new AreaResult(area, programme.NextReviewDate >= school.AsOf ? AreaStatus.Achieved : AreaStatus.NotAchieved,
                        $"Next review date: {programme.NextReviewDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}."),
                "bm7-policy" => programme is null || string.IsNullOrWhiteSpace(programme.ProviderAccessPolicy)
                    ? new AreaResult(area, AreaStatus.NotAchieved, "No provider access policy statement is published.")
                    : new AreaResult(area, AreaStatus.Achieved, "The provider access policy statement is on the published programme page."),
                "bm3-records" => CountArea(area, school.Pupils.Count(p => p.Counts.Activities > 0), school.Pupils.Count,
                    "have at least one careers activity on their record"),
                "bm3-inclusion" => InclusionArea(school, area),
                "bm4-lessons" => CountArea(area, school.Pupils.Count(p => p.Counts.LessonsThisYear > 0), school.Pupils.Count,
                    "have had careers learning in a subject lesson this year" + (stats.LessonSubjects.Count == 0 ? "" : $" (subjects: {string.Join(", ", stats.LessonSubjects)})")),
                "bm6-meaningful" => stats.WorkplaceActivities == 0
                    ? new AreaResult(area, AreaStatus.NotAchieved, "No workplace experiences are recorded.")
                    : new AreaResult(area, StatusFor(stats.WorkplaceWithEmployerFeedback, stats.WorkplaceActivities),
                        $"{stats.WorkplaceWithEmployerFeedback} of {stats.WorkplaceActivities} workplace experiences record an employer task and feedback."),
                _ => new AreaResult(area, AreaStatus.Unscored, null),
            });
        }

        return results.GroupBy(r => r.Area.Benchmark).OrderBy(g => g.Key).Select(g => new BenchmarkResult(g.Key, g.ToList())).ToList();
    }

    private static AreaResult CountArea(AssessmentArea area, int met, int due, string what) => due == 0
        ? new AreaResult(area, AreaStatus.Unscored, "No pupils on roll.", Applicable: false)
        : new AreaResult(area, StatusFor(met, due), $"{Percent(met, due)}% of pupils {what}: {due - met} pupils have not.");

    private static AreaResult MeasureArea(SchoolMeasures school, AssessmentArea area, CareersMeasure measure)
    {
        var figure = school.Figure(measure, area.YearGroup is { } year ? new GapsFilter(YearGroup: year) : null);
        var who = area.YearGroup is { } y ? $"Year {y}" : "pupils due";
        return figure.Due == 0
            ? new AreaResult(area, AreaStatus.Unscored, $"No {who} on roll.", Applicable: false)
            : new AreaResult(area, StatusFor(figure.Met, figure.Due),
                $"{figure.Percent}% of {who} ({measure.DisplayName().ToLowerInvariant()}): {figure.Gaps} {(figure.Gaps == 1 ? "pupil has" : "pupils have")} not.");
    }

    /// <summary>
    /// Benchmark 6's evidence also says how many of the pupils due have had two weeks of workplace experience in all, the
    /// government's ambition, though the benchmark itself is met by one experience.
    /// </summary>
    private static AreaResult WithTwoWeeks(AreaResult result, SchoolMeasures school, CareersMeasure measure)
    {
        if (measure is not (CareersMeasure.WorkplaceExperienceBy16 or CareersMeasure.WorkplaceExperienceBy18) || !result.Applicable)
        {
            return result;
        }

        var due = school.Pupils.Where(p => p.IsDue(measure)).ToList();
        var twoWeeks = due.Count(p => p.Counts.WorkplaceHours >= CareersMeasures.TwoWeeksHours);
        return result with
        {
            Evidence = $"{result.Evidence} {twoWeeks} of {due.Count} have had two weeks ({CareersMeasures.TwoWeeksHours:0} hours) of workplace experience in all.",
        };
    }

    private static AreaResult InclusionArea(SchoolMeasures school, AssessmentArea area)
    {
        var figures = school.Pupils.Where(p => p.IsDue(CareersMeasure.EmployerEncounterThisYear))
            .GroupBy(p => p.Pupil.Send || p.Pupil.Disadvantaged)
            .ToDictionary(g => g.Key, g => (Met: g.Count(p => p.Meets(CareersMeasure.EmployerEncounterThisYear)), Due: g.Count()));
        if (!figures.TryGetValue(true, out var focus) || !figures.TryGetValue(false, out var others))
        {
            return new AreaResult(area, AreaStatus.Unscored, "Not enough pupils to compare.", Applicable: false);
        }

        var gap = Percent(others.Met, others.Due) - Percent(focus.Met, focus.Due);
        return new AreaResult(area, gap <= 5 ? AreaStatus.Achieved : gap <= 15 ? AreaStatus.InProgress : AreaStatus.NotAchieved,
            $"{Percent(focus.Met, focus.Due)}% of pupils with SEND or on free school meals have had an employer encounter this year, against {Percent(others.Met, others.Due)}% of other pupils.");
    }

    private static int Percent(int met, int due) => due == 0 ? 0 : (int)Math.Floor(met * 100m / due);

    public async Task<ActivityStats> StatsAsync(Guid schoolId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var year = YoungPeople.AcademicAge.AcademicYearStart(asOf);
        var activities = db.CareersActivities.Where(a => a.SchoolId == schoolId && a.Date <= asOf);
        var workplace = activities.Where(a => a.Type >= CareersActivityType.WorkplaceVisit && a.Type <= CareersActivityType.WorkExperience);
        var subjects = await activities.Where(a => a.Type == CareersActivityType.CareersLesson && a.AcademicYear == year && a.Subject != null)
            .Select(a => a.Subject!).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
        return new ActivityStats(
            await workplace.CountAsync(cancellationToken),
            await workplace.CountAsync(a => a.EmployerTask != null && a.EmployerFeedback != null, cancellationToken),
            subjects,
            await activities.CountAsync(cancellationToken),
            await activities.CountAsync(a => a.Purpose != null && a.LearningOutcomes != null && a.TwoWayInteraction, cancellationToken));
    }

    public async Task<(SchoolMeasures Measures, IReadOnlyList<BenchmarkResult> Results)> AssessAsync(Actor actor, Guid schoolId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var school = await measures.ForSchoolAsync(actor, schoolId, asOf, cancellationToken);
        return (school, await EvaluateAsync(school, cancellationToken));
    }

    private async Task<IReadOnlyList<BenchmarkResult>> EvaluateAsync(SchoolMeasures school, CancellationToken cancellationToken)
    {
        var programme = await db.CareersProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.SchoolId == school.SchoolId, cancellationToken);
        var answers = await db.BenchmarkAnswers.AsNoTracking().Where(a => a.SchoolId == school.SchoolId).ToDictionaryAsync(a => a.AreaKey, cancellationToken);
        return Evaluate(school, programme, answers, await StatsAsync(school.SchoolId, school.AsOf, cancellationToken));
    }

    /// <summary>The dates Compass snapshots results on: 31 December, 31 March and 31 July.</summary>
    public static IEnumerable<DateOnly> SnapshotDates(DateOnly from, DateOnly to)
    {
        for (var year = from.Year - 1; year <= to.Year; year++)
        {
            foreach (var date in new[] { new DateOnly(year, 3, 31), new DateOnly(year, 7, 31), new DateOnly(year, 12, 31) })
            {
                if (date >= from && date <= to)
                {
                    yield return date;
                }
            }
        }
    }

    /// <summary>
    /// Every school of the LA assessed as at a date: the measures (<see cref="CareersMeasuresService.ForLaAsync"/>) and,
    /// on a second connection at the same time, the programmes, answers and activity counts of all schools in one query
    /// each; then each school's areas, the schools side by side.
    /// </summary>
    public async Task<IReadOnlyList<(SchoolMeasures Measures, IReadOnlyList<BenchmarkResult> Results)>> AssessLaAsync(Actor actor, string laCode, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && actor.LaCode != laCode)
        {
            // Refused (and audited) there, before anything of the LA is read on a second connection.
            await measures.ForLaAsync(actor, laCode, asOf, cancellationToken);
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var measured = measures.ForLaAsync(actor, laCode, asOf, cancellationToken);
        var read = LaProgrammesAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), laCode, asOf, cancellationToken);
        await Task.WhenAll(measured, read);
        var (all, (programmes, answers, stats)) = (measured.Result, read.Result);
        var empty = new Dictionary<string, BenchmarkAnswer>();
        var none = new ActivityStats(0, 0, [], 0, 0);
        return all.Values.AsParallel().AsOrdered()
            .Select(school => (school, Evaluate(school, programmes.GetValueOrDefault(school.SchoolId), answers.GetValueOrDefault(school.SchoolId) ?? empty,
                stats.GetValueOrDefault(school.SchoolId) ?? none)))
            .ToList();
    }

    private static async Task<(Dictionary<Guid, CareersProgramme> Programmes, Dictionary<Guid, IReadOnlyDictionary<string, BenchmarkAnswer>> Answers, Dictionary<Guid, ActivityStats> Stats)>
        LaProgrammesAsync(WaypointDbContext db, string laCode, DateOnly asOf, CancellationToken cancellationToken)
    {
        var schools = db.Organisations.Where(o => o.LaCode == laCode).Select(o => o.Id);
        var programmes = await db.CareersProgrammes.AsNoTracking().Where(p => schools.Contains(p.SchoolId)).ToDictionaryAsync(p => p.SchoolId, cancellationToken);
        var answers = (await db.BenchmarkAnswers.AsNoTracking().Where(a => schools.Contains(a.SchoolId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.SchoolId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, BenchmarkAnswer>)g.ToDictionary(a => a.AreaKey));
        var year = YoungPeople.AcademicAge.AcademicYearStart(asOf);
        var counts = await db.CareersActivities.Where(a => schools.Contains(a.SchoolId) && a.Date <= asOf)
            .GroupBy(a => a.SchoolId)
            .Select(g => new
            {
                SchoolId = g.Key,
                Workplace = g.Count(a => a.Type >= CareersActivityType.WorkplaceVisit && a.Type <= CareersActivityType.WorkExperience),
                WithFeedback = g.Count(a => a.Type >= CareersActivityType.WorkplaceVisit && a.Type <= CareersActivityType.WorkExperience && a.EmployerTask != null && a.EmployerFeedback != null),
                All = g.Count(),
                Meaningful = g.Count(a => a.Purpose != null && a.LearningOutcomes != null && a.TwoWayInteraction),
            }).ToListAsync(cancellationToken);
        var subjects = (await db.CareersActivities.Where(a => schools.Contains(a.SchoolId) && a.Date <= asOf && a.Type == CareersActivityType.CareersLesson && a.AcademicYear == year && a.Subject != null)
            .Select(a => new { a.SchoolId, a.Subject }).Distinct().ToListAsync(cancellationToken))
            .GroupBy(s => s.SchoolId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(s => s.Subject!).Order(StringComparer.Ordinal).ToList());
        var stats = counts.ToDictionary(c => c.SchoolId, c => new ActivityStats(c.Workplace, c.WithFeedback, subjects.GetValueOrDefault(c.SchoolId) ?? [], c.All, c.Meaningful));
        return (programmes, answers, stats);
    }

    /// <summary>
    /// Takes the snapshot of every school of the LA for each snapshot date in the range the LA has none for, as the data
    /// stood on that date (answers as they are now: their history is in the audit trail).
    /// </summary>
    public async Task<int> TakeSnapshotsAsync(Actor actor, string laCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var taken = 0;
        var laSchools = db.Organisations.Where(o => o.LaCode == laCode).Select(o => o.Id);
        foreach (var date in SnapshotDates(from, to))
        {
            if (await db.BenchmarkSnapshots.AnyAsync(s => s.TakenOn == date && laSchools.Contains(s.SchoolId), cancellationToken))
            {
                // The LA's snapshot for this date is taken. A school that joins later starts its history from its first
                // snapshot date rather than being assessed against a roll it did not have.
                continue;
            }

            foreach (var (school, results) in await AssessLaAsync(actor, laCode, date, cancellationToken))
            {
                foreach (var result in results)
                {
                    db.BenchmarkSnapshots.Add(new BenchmarkSnapshot
                    {
                        SchoolId = school.SchoolId,
                        TakenOn = date,
                        Benchmark = result.Benchmark,
                        AreasMet = result.Met,
                        Areas = result.Scored,
                        RecordedAt = clock.GetUtcNow().UtcDateTime,
                    });
                }

                audit.Add(actor, AuditActions.CareersSnapshotTaken, entityType: "Organisation", entityId: school.SchoolId.ToString(),
                    details: new { takenOn = date.ToString("yyyy-MM-dd"), pupils = school.Pupils.Count });
                taken++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return taken;
    }

    /// <summary>
    /// The schedule's work: for every LA with schools, the snapshots whose date (31 December, 31 March, 31 July) fell in
    /// the past year and that are not taken yet, each as the data stood on its date. Running it again takes nothing.
    /// </summary>
    public async Task<IReadOnlyList<(string LaCode, int Schools)>> TakeDueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var laCodes = await db.Organisations.Where(o => o.Kind == Organisations.OrganisationKind.SchoolOrCollege)
            .Select(o => o.LaCode).Distinct().ToListAsync(cancellationToken);
        var taken = new List<(string, int)>();
        foreach (var laCode in laCodes.Order(StringComparer.Ordinal))
        {
            var schools = await TakeSnapshotsAsync(actor, laCode, today.AddYears(-1), today, cancellationToken);
            if (schools > 0)
            {
                taken.Add((laCode, schools));
            }
        }

        return taken;
    }
}
