namespace Waypoint.Core.Careers;

/// <summary>What each activity type is called and which per-pupil measures and benchmarks it counts towards.</summary>
public static class CareersActivityTypes
{
    /// <summary>Encounters with employers (Benchmark 5): every activity where pupils meet people from work.</summary>
    public static readonly IReadOnlyList<CareersActivityType> EmployerEncounters =
    [
        CareersActivityType.EmployerTalk, CareersActivityType.CareersFair, CareersActivityType.EnterpriseChallenge,
        CareersActivityType.Mentoring, CareersActivityType.WorkplaceVisit, CareersActivityType.WorkShadowing,
        CareersActivityType.WorkExperience,
    ];

    /// <summary>Experiences of workplaces (Benchmark 6).</summary>
    public static readonly IReadOnlyList<CareersActivityType> WorkplaceExperiences =
    [
        CareersActivityType.WorkplaceVisit, CareersActivityType.WorkShadowing, CareersActivityType.WorkExperience,
    ];

    /// <summary>Encounters with further and higher education (Benchmark 7).</summary>
    public static readonly IReadOnlyList<CareersActivityType> EducationEncounters =
    [
        CareersActivityType.ProviderEncounter, CareersActivityType.HigherEducationVisit,
    ];

    public static string DisplayName(this CareersActivityType type) => type switch
    {
        CareersActivityType.EmployerTalk => "Employer talk",
        CareersActivityType.CareersFair => "Careers fair",
        CareersActivityType.EnterpriseChallenge => "Enterprise challenge",
        CareersActivityType.Mentoring => "Mentoring",
        CareersActivityType.WorkplaceVisit => "Workplace visit",
        CareersActivityType.WorkShadowing => "Work shadowing",
        CareersActivityType.WorkExperience => "Work experience placement",
        CareersActivityType.ProviderEncounter => "Provider encounter (college, UTC, apprenticeship or technical education provider)",
        CareersActivityType.HigherEducationVisit => "Higher education visit",
        CareersActivityType.CareersLesson => "Careers learning in a subject lesson",
        CareersActivityType.PersonalGuidance => "Personal guidance interview with a qualified adviser",
        _ => type.ToString(),
    };

    /// <summary>The benchmarks an activity of this type evidences unless the user says otherwise.</summary>
    public static int DefaultBenchmarks(this CareersActivityType type) => type switch
    {
        CareersActivityType.CareersLesson => Bit(4),
        CareersActivityType.PersonalGuidance => Bit(8) | Bit(3),
        CareersActivityType.ProviderEncounter or CareersActivityType.HigherEducationVisit => Bit(7),
        CareersActivityType.WorkplaceVisit or CareersActivityType.WorkShadowing or CareersActivityType.WorkExperience => Bit(6) | Bit(5),
        _ => Bit(5),
    };

    public static int Bit(int benchmark) => 1 << (benchmark - 1);

    public static IEnumerable<int> BenchmarksIn(int flags) => Enumerable.Range(1, 8).Where(b => (flags & Bit(b)) != 0);

    public static readonly IReadOnlyDictionary<int, string> BenchmarkNames = new Dictionary<int, string>
    {
        [1] = "A stable careers programme",
        [2] = "Learning from career and labour market information",
        [3] = "Addressing the needs of each young person",
        [4] = "Linking curriculum learning to careers",
        [5] = "Encounters with employers and employees",
        [6] = "Experiences of workplaces",
        [7] = "Encounters with further and higher education",
        [8] = "Personal guidance",
    };
}
