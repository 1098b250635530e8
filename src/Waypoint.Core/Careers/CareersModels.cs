namespace Waypoint.Core.Careers;

/// <summary>The kinds of careers activity a school records; <see cref="CareersActivityTypes"/> says what each one counts towards.</summary>
public enum CareersActivityType
{
    EmployerTalk,
    CareersFair,
    EnterpriseChallenge,
    Mentoring,
    WorkplaceVisit,
    WorkShadowing,
    WorkExperience,
    ProviderEncounter,
    HigherEducationVisit,
    CareersLesson,
    PersonalGuidance,
}

/// <summary>Who an entry in the LA's directory is.</summary>
public enum PartnerKind
{
    Employer,
    FurtherEducationCollege,
    UniversityTechnicalCollege,
    ApprenticeshipProvider,
    TechnicalEducationProvider,
    HigherEducation,
    CareersAdviser,
}

/// <summary>An employer or provider willing to work with schools, shared by every school in the LA.</summary>
public class CareersPartner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string LaCode { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }

    /// <summary>Comma-separated sectors, e.g. "Health, Construction".</summary>
    public string? Sectors { get; set; }

    /// <summary>Comma-separated <see cref="CareersActivityType"/> names the partner offers.</summary>
    public string? ActivityTypes { get; set; }
    public bool IsStem { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool IsProvider => Kind is PartnerKind.FurtherEducationCollege or PartnerKind.UniversityTechnicalCollege
        or PartnerKind.ApprenticeshipProvider or PartnerKind.TechnicalEducationProvider;

    public IReadOnlyList<CareersActivityType> Offers() => (ActivityTypes ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => Enum.TryParse<CareersActivityType>(t, out var v) ? v : (CareersActivityType?)null)
        .OfType<CareersActivityType>().ToList();
}

/// <summary>A school's or college's careers programme: what the website publication duty asks it to publish.</summary>
public class CareersProgramme
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string CareersLeaderName { get; set; }
    public required string CareersLeaderEmail { get; set; }
    public required string CareersLeaderPhone { get; set; }
    public required string Summary { get; set; }

    /// <summary>How pupils, parents, teachers and employers can find out about and take part in the programme.</summary>
    public string? HowToAccess { get; set; }
    public required string ImpactMeasurement { get; set; }
    public required string ProviderAccessPolicy { get; set; }
    public DateOnly NextReviewDate { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedByUserId { get; set; }
    public List<PlannedCareersActivity> Planned { get; set; } = [];
}

/// <summary>One line of the programme: an activity planned for a year group and term, mapped to benchmarks.</summary>
public class PlannedCareersActivity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgrammeId { get; set; }
    public required string Title { get; set; }
    public CareersActivityType Type { get; set; }
    public int YearGroup { get; set; }

    /// <summary>1 autumn, 2 spring, 3 summer.</summary>
    public int Term { get; set; }

    /// <summary>Bit n-1 set for Gatsby Benchmark n.</summary>
    public int Benchmarks { get; set; }
    public string? LearningOutcomes { get; set; }
    public Guid? PartnerId { get; set; }
    public DateOnly? ScheduledFor { get; set; }
}

/// <summary>Something that happened: a talk, a visit, an interview. Who took part is in <see cref="CareersParticipation"/>.</summary>
public class CareersActivity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public CareersActivityType Type { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Starting year of the academic year the activity fell in (2025 for 2025/26).</summary>
    public int AcademicYear { get; set; }

    /// <summary>Between 1 September and the end of February of its academic year: inside the provider access window of Years 9, 11 and 13.</summary>
    public bool BeforeMarch { get; set; }

    /// <summary>Held during the standard school day: provider encounters outside it do not count under the provider access law.</summary>
    public bool InSchoolHours { get; set; } = true;
    public Guid? PartnerId { get; set; }
    public CareersPartner? Partner { get; set; }

    /// <summary>Who delivered it when not a directory partner (an adviser's name, a teacher's subject).</summary>
    public string? DeliveredBy { get; set; }
    public string? Subject { get; set; }
    public int Benchmarks { get; set; }

    // The "meaningful" checklist.
    public string? Purpose { get; set; }
    public string? LearningOutcomes { get; set; }
    public bool TwoWayInteraction { get; set; }
    public string? EmployerTask { get; set; }
    public string? EmployerFeedback { get; set; }

    /// <summary>Hours each pupil spent, for work experience (towards the two weeks).</summary>
    public decimal? Hours { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public List<CareersParticipation> Participants { get; set; } = [];
}

/// <summary>One pupil at one activity.</summary>
public class CareersParticipation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    public Guid YoungPersonId { get; set; }
    public Guid SchoolId { get; set; }

    /// <summary>The pupil's year group on the day, fixed when recorded: the provider access windows depend on it.</summary>
    public int YearGroup { get; set; }
    public string? Reflection { get; set; }

    // Copied from the activity when the pupil is registered (activities are not edited afterwards), so the measures
    // are one pass over this table with no join: see CareersMeasuresService.Counts.
    public CareersActivityType Type { get; set; }
    public DateOnly Date { get; set; }
    public int AcademicYear { get; set; }
    public bool BeforeMarch { get; set; }
    public bool InSchoolHours { get; set; }
    public Guid? PartnerId { get; set; }

    /// <summary>Hours this pupil spent, for work experience.</summary>
    public decimal? Hours { get; set; }
}

public enum PupilGroupKind
{
    Form,
    Class,
}

/// <summary>A form (registration group) or teaching group, for registers and gaps by form.</summary>
public class PupilGroup
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Name { get; set; }
    public PupilGroupKind Kind { get; set; }
    public List<PupilGroupMember> Members { get; set; } = [];
}

public class PupilGroupMember
{
    public Guid GroupId { get; set; }
    public Guid YoungPersonId { get; set; }
}

public enum AreaStatus
{
    Unscored,
    NotAchieved,
    InProgress,
    Achieved,
}

/// <summary>The Careers Leader's answer to an assessment area that cannot be worked out from recorded data.</summary>
public class BenchmarkAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string AreaKey { get; set; }
    public AreaStatus Status { get; set; }
    public string? Evidence { get; set; }
    public Guid? AnsweredByUserId { get; set; }
    public DateTime AnsweredAt { get; set; }
}

/// <summary>A benchmark's score on a snapshot date (31 December, 31 March, 31 July).</summary>
public class BenchmarkSnapshot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public DateOnly TakenOn { get; set; }
    public int Benchmark { get; set; }
    public int AreasMet { get; set; }
    public int Areas { get; set; }
    public DateTime RecordedAt { get; set; }

    public int ScorePercent => Areas == 0 ? 0 : AreasMet * 100 / Areas;
}

/// <summary>
/// The young person's consent for the school where they did Year 11 to see where they went afterwards (Gatsby Benchmark 3
/// asks schools to keep destinations for three years; after 16 that needs consent unless they stay in the school's own
/// sixth form). The row exists while consent stands; withdrawing deletes it.
/// </summary>
public class DestinationSharingConsent
{
    public Guid YoungPersonId { get; set; }
    public DateTime GivenAt { get; set; }
}
