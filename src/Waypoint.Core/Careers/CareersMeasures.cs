using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Careers;

/// <summary>The per-pupil measures of the statutory guidance, the Gatsby Benchmarks and the provider access law.</summary>
public enum CareersMeasure
{
    EmployerEncounterThisYear,
    WorkplaceExperienceBy16,
    MultipleWorkplaceExperiencesBy16,
    WorkplaceExperienceBy18,
    ProviderEncountersYears8To9,
    ProviderEncountersYears10To11,
    ProviderEncountersYears12To13,
    HigherEducationEncounter,
    PersonalGuidanceBy16,
    PersonalGuidanceBy18,
}

/// <summary>What the database aggregates for one pupil: counts of qualifying participations, each window applied.</summary>
public sealed class PupilCounts
{
    public Guid YoungPersonId { get; set; }
    public int Activities { get; set; }
    public int EmployerThisYear { get; set; }
    public int EmployerTotal { get; set; }
    public int WorkplaceBy16 { get; set; }
    public int WorkplaceBy18 { get; set; }
    /// <summary>The hours as the database sums them (see <see cref="CareersMeasuresService.Counts"/>).</summary>
    public double WorkplaceHoursSum { get; set; }

    public decimal WorkplaceHours => Math.Round((decimal)WorkplaceHoursSum, 1);

    /// <summary>
    /// Distinct providers met in school hours in Year 8 or Year 9 up to 28 (29) February, counted to two: 0, 1, or 2
    /// for "two or more", all the law asks.
    /// </summary>
    public int ProvidersPhase1 { get; set; }
    public int ProvidersPhase2 { get; set; }
    public int ProvidersPhase3 { get; set; }
    public int HigherEducation { get; set; }
    public int GuidanceBy16 { get; set; }
    public int GuidanceBy18 { get; set; }
    public int LessonsThisYear { get; set; }

    public static readonly PupilCounts None = new();
}

/// <summary>A pupil as the gaps lists split them.</summary>
public sealed record CareersPupil(Guid Id, string Name, int YearGroup, string? Form, bool Send, bool Disadvantaged, bool PersistentlyAbsent);

public sealed record PupilMeasures(CareersPupil Pupil, PupilCounts Counts)
{
    public bool IsDue(CareersMeasure measure) => CareersMeasures.IsDueIn(measure, Pupil.YearGroup);

    public bool Meets(CareersMeasure measure) => CareersMeasures.Meets(measure, Counts);
}

public sealed record GapsFilter(int? YearGroup = null, string? Form = null, bool? Send = null, bool? Disadvantaged = null, bool? PersistentlyAbsent = null)
{
    public bool Matches(CareersPupil pupil) =>
        (YearGroup is null || pupil.YearGroup == YearGroup)
        && (string.IsNullOrEmpty(Form) || string.Equals(pupil.Form, Form, StringComparison.OrdinalIgnoreCase))
        && (Send is null || pupil.Send == Send)
        && (Disadvantaged is null || pupil.Disadvantaged == Disadvantaged)
        && (PersistentlyAbsent is null || pupil.PersistentlyAbsent == PersistentlyAbsent);
}

/// <summary>One measure over the pupils it is due for: how many meet it, and who does not.</summary>
public sealed record MeasureFigure(CareersMeasure Measure, int Due, int Met)
{
    public int Gaps => Due - Met;
    public int Percent => Due == 0 ? 0 : (int)Math.Floor(Met * 100m / Due);
}

/// <summary>All pupils of one school with their counts, as at one date.</summary>
public sealed class SchoolMeasures(Guid schoolId, DateOnly asOf, IReadOnlyList<PupilMeasures> pupils)
{
    public Guid SchoolId { get; } = schoolId;
    public DateOnly AsOf { get; } = asOf;
    public IReadOnlyList<PupilMeasures> Pupils { get; } = pupils;

    // Due and met counts per measure and year group, worked out in one pass the first time a figure is asked for: an
    // assessment asks for one per area, and per year group for Benchmark 5.
    private (int Due, int Met)[,]? byYear;

    public MeasureFigure Figure(CareersMeasure measure, GapsFilter? filter = null)
    {
        if (filter is null || filter == new GapsFilter(filter.YearGroup))
        {
            var table = byYear ??= CountByYear();
            if (filter?.YearGroup is not { } year)
            {
                int allDue = 0, allMet = 0;
                for (var y = 0; y < table.GetLength(1); y++)
                {
                    allDue += table[(int)measure, y].Due;
                    allMet += table[(int)measure, y].Met;
                }

                return new MeasureFigure(measure, allDue, allMet);
            }

            return year >= 0 && year < table.GetLength(1)
                ? new MeasureFigure(measure, table[(int)measure, year].Due, table[(int)measure, year].Met)
                : new MeasureFigure(measure, 0, 0);
        }

        int due = 0, met = 0;
        foreach (var p in Pupils)
        {
            if (p.IsDue(measure) && filter.Matches(p.Pupil))
            {
                due++;
                if (p.Meets(measure))
                {
                    met++;
                }
            }
        }

        return new MeasureFigure(measure, due, met);
    }

    private (int Due, int Met)[,] CountByYear()
    {
        // Pupils are only ever due in Years 7 to 13 (CareersMeasures.DueIn), so year groups outside 0..31 count nowhere.
        var table = new (int Due, int Met)[CareersMeasures.All.Count, 32];
        foreach (var p in Pupils)
        {
            for (var m = 0; m < CareersMeasures.All.Count; m++)
            {
                var measure = CareersMeasures.All[m];
                if (p.IsDue(measure))
                {
                    ref var cell = ref table[(int)measure, p.Pupil.YearGroup];
                    cell.Due++;
                    cell.Met += p.Meets(measure) ? 1 : 0;
                }
            }
        }

        return table;
    }

    public IReadOnlyList<PupilMeasures> Gaps(CareersMeasure measure, GapsFilter? filter = null) =>
        Pupils.Where(p => p.IsDue(measure) && !p.Meets(measure) && (filter is null || filter.Matches(p.Pupil)))
            .OrderBy(p => p.Pupil.YearGroup).ThenBy(p => p.Pupil.Form).ThenBy(p => p.Pupil.Name, StringComparer.Ordinal).ToList();
}

public static class CareersMeasures
{
    /// <summary>Two weeks' worth of work experience, the government's ambition, as hours (ten days of six hours).</summary>
    public const decimal TwoWeeksHours = 60m;

    public static readonly IReadOnlyList<CareersMeasure> All = Enum.GetValues<CareersMeasure>();

    // Built once: every pupil is checked against every measure, tens of thousands of times in an LA's assessment.
    private static readonly IReadOnlyList<int>[] DueYears = All.Select(YearsDue).ToArray();

    /// <summary>The year groups a measure is checked for: from when it can first be met to the end of its window.</summary>
    public static IReadOnlyList<int> DueIn(CareersMeasure measure) => DueYears[(int)measure];

    // The same as bits (bit n for Year n), for the check made for every pupil and measure.
    private static readonly int[] DueMasks = DueYears.Select(years => years.Aggregate(0, (mask, year) => mask | 1 << year)).ToArray();

    public static bool IsDueIn(CareersMeasure measure, int yearGroup) => yearGroup is >= 0 and < 31 && (DueMasks[(int)measure] >> yearGroup & 1) != 0;

    private static IReadOnlyList<int> YearsDue(CareersMeasure measure) => measure switch
    {
        CareersMeasure.EmployerEncounterThisYear => [7, 8, 9, 10, 11, 12, 13],
        CareersMeasure.WorkplaceExperienceBy16 => [10, 11],
        CareersMeasure.MultipleWorkplaceExperiencesBy16 => [11],
        CareersMeasure.WorkplaceExperienceBy18 => [12, 13],
        CareersMeasure.ProviderEncountersYears8To9 => [8, 9],
        CareersMeasure.ProviderEncountersYears10To11 => [10, 11],
        CareersMeasure.ProviderEncountersYears12To13 => [12, 13],
        CareersMeasure.HigherEducationEncounter => [12, 13],
        CareersMeasure.PersonalGuidanceBy16 => [11],
        CareersMeasure.PersonalGuidanceBy18 => [13],
        _ => [],
    };

    /// <summary>
    /// The provider access phase an encounter in a year group falls in: 1 for Year 8, or Year 9 before 1 March; 2 for
    /// Year 10, or Year 11 before 1 March; 3 likewise for Years 12 and 13; 0 when it counts for none.
    /// </summary>
    public static int ProviderPhase(int yearGroup, bool beforeMarch) => yearGroup switch
    {
        8 or 10 or 12 => (yearGroup - 6) / 2,
        9 or 11 or 13 when beforeMarch => (yearGroup - 7) / 2,
        _ => 0,
    };

    public static bool Meets(CareersMeasure measure, PupilCounts c) => measure switch
    {
        CareersMeasure.EmployerEncounterThisYear => c.EmployerThisYear >= 1,
        CareersMeasure.WorkplaceExperienceBy16 => c.WorkplaceBy16 >= 1,
        CareersMeasure.MultipleWorkplaceExperiencesBy16 => c.WorkplaceBy16 >= 2,
        // "At least one more by 18": one after Year 11.
        CareersMeasure.WorkplaceExperienceBy18 => c.WorkplaceBy18 - c.WorkplaceBy16 >= 1,
        CareersMeasure.ProviderEncountersYears8To9 => c.ProvidersPhase1 >= 2,
        CareersMeasure.ProviderEncountersYears10To11 => c.ProvidersPhase2 >= 2,
        CareersMeasure.ProviderEncountersYears12To13 => c.ProvidersPhase3 >= 2,
        CareersMeasure.HigherEducationEncounter => c.HigherEducation >= 1,
        CareersMeasure.PersonalGuidanceBy16 => c.GuidanceBy16 >= 1,
        CareersMeasure.PersonalGuidanceBy18 => c.GuidanceBy18 - c.GuidanceBy16 >= 1,
        _ => false,
    };

    public static int Benchmark(CareersMeasure measure) => measure switch
    {
        CareersMeasure.EmployerEncounterThisYear => 5,
        CareersMeasure.WorkplaceExperienceBy16 or CareersMeasure.MultipleWorkplaceExperiencesBy16 or CareersMeasure.WorkplaceExperienceBy18 => 6,
        CareersMeasure.PersonalGuidanceBy16 or CareersMeasure.PersonalGuidanceBy18 => 8,
        _ => 7,
    };

    public static string DisplayName(this CareersMeasure measure) => measure switch
    {
        CareersMeasure.EmployerEncounterThisYear => "Employer encounter this year",
        CareersMeasure.WorkplaceExperienceBy16 => "A workplace experience by 16",
        CareersMeasure.MultipleWorkplaceExperiencesBy16 => "Two or more workplace experiences by 16",
        CareersMeasure.WorkplaceExperienceBy18 => "A further workplace experience by 18",
        CareersMeasure.ProviderEncountersYears8To9 => "Two provider encounters in Years 8 to 9 (provider access, by 28 February of Year 9)",
        CareersMeasure.ProviderEncountersYears10To11 => "Two provider encounters in Years 10 to 11 (provider access, by 28 February of Year 11)",
        CareersMeasure.ProviderEncountersYears12To13 => "Two provider encounters offered in Years 12 to 13 (provider access)",
        CareersMeasure.HigherEducationEncounter => "An encounter with higher education",
        CareersMeasure.PersonalGuidanceBy16 => "Personal guidance interview by 16",
        CareersMeasure.PersonalGuidanceBy18 => "A further personal guidance interview by 18",
        _ => measure.ToString(),
    };

    /// <summary>What to plan for a pupil missing this measure.</summary>
    public static CareersActivityType SuggestedActivity(CareersMeasure measure) => measure switch
    {
        CareersMeasure.EmployerEncounterThisYear => CareersActivityType.EmployerTalk,
        CareersMeasure.WorkplaceExperienceBy16 or CareersMeasure.MultipleWorkplaceExperiencesBy16 => CareersActivityType.WorkplaceVisit,
        CareersMeasure.WorkplaceExperienceBy18 => CareersActivityType.WorkExperience,
        CareersMeasure.HigherEducationEncounter => CareersActivityType.HigherEducationVisit,
        CareersMeasure.PersonalGuidanceBy16 or CareersMeasure.PersonalGuidanceBy18 => CareersActivityType.PersonalGuidance,
        _ => CareersActivityType.ProviderEncounter,
    };

    /// <summary>The pupil's year group on the activity's date; the provider access windows are fixed by it.</summary>
    public static int YearGroupOn(DateOnly dateOfBirth, DateOnly date) => AcademicAge.YearGroup(dateOfBirth, date);

    /// <summary>1 September to the last day of February of the academic year: the part of Years 9, 11 and 13 that counts.</summary>
    public static bool IsBeforeMarch(DateOnly date) => date.Month >= 9 || date.Month <= 2;
}
