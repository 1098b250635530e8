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

/// <summary>
/// One pupil's participations at one school, counted as the measures need them: the row the measures are recomputed
/// from instead of the pupil's participation rows, so an LA's recompute reads one row per pupil, joined to the pupil.
/// The database keeps it (triggers on careers_participations, in the CareersTallies migration of each provider) in the
/// same transaction as every write, so no code path can leave it behind; nothing in the application writes it. The
/// measures count the participation rows instead for a date before the latest participation (a snapshot of a past
/// date), and <see cref="CareersMeasuresService.CheckTalliesAsync"/> holds the two to each other.
/// </summary>
public class CareersTally
{
    public Guid YoungPersonId { get; set; }
    public Guid SchoolId { get; set; }

    public int Activities { get; set; }
    public int EmployerEncounters { get; set; }

    // Workplace experiences and guidance interviews by the year group they happened in: up to Year 11 ("by 16") and
    // Years 12 and 13 ("by 18").
    public int WorkplaceToYear11 { get; set; }
    public int WorkplaceYears12To13 { get; set; }
    public double WorkplaceHours { get; set; }
    public int HigherEducation { get; set; }
    public int GuidanceToYear11 { get; set; }
    public int GuidanceYears12To13 { get; set; }

    /// <summary>The latest academic year with a participation, and its employer encounters and careers lessons.</summary>
    public int LatestYear { get; set; }
    public int EmployerEncountersInLatestYear { get; set; }
    public int LessonsInLatestYear { get; set; }

    /// <summary>The date of the latest participation: the tally holds for any date on or after it.</summary>
    public DateOnly LatestDate { get; set; }

    // Up to two distinct providers met in school hours in each provider access phase (CareersMeasures.ProviderPhase):
    // "not the same provider twice" needs no more than two to decide.
    public Guid? Phase1Provider { get; set; }
    public Guid? Phase1OtherProvider { get; set; }
    public Guid? Phase2Provider { get; set; }
    public Guid? Phase2OtherProvider { get; set; }
    public Guid? Phase3Provider { get; set; }
    public Guid? Phase3OtherProvider { get; set; }
}

/// <summary>
/// A tally as the measures read it. Reading is most of an LA's recompute (60,000 rows, and every value is work at both
/// ends of the connection), so the counts cross it packed into two 64-bit numbers, in 16-bit and 12-bit fields: no
/// pupil comes near 4,095 of one kind at one school, and a count beyond that would be read as 4,095.
/// </summary>
public sealed class TallyRead
{
    private const long Bits16 = 1L << 16;
    private const long Bits12 = 1L << 12;

    // Nullable because a pupil with no tally is read through an outer join: every value then comes back null, and
    // YoungPersonId null means "no tally".
    public Guid? YoungPersonId { get; init; }
    public Guid? SchoolId { get; init; }

    /// <summary>Activities, employer encounters, and workplace experiences to Year 11 and in Years 12 and 13.</summary>
    public long? Counts { get; init; }

    /// <summary>Higher education, guidance to Year 11 and in Years 12 and 13, employer encounters and lessons this year.</summary>
    public long? MoreCounts { get; init; }
    public double? WorkplaceHours { get; init; }
    public Guid? Phase1Provider { get; init; }
    public Guid? Phase1OtherProvider { get; init; }
    public Guid? Phase2Provider { get; init; }
    public Guid? Phase2OtherProvider { get; init; }
    public Guid? Phase3Provider { get; init; }
    public Guid? Phase3OtherProvider { get; init; }

    /// <summary>The tallies packed by the database, "this year" being the academic year starting in <paramref name="academicYear"/>.</summary>
    public static IQueryable<TallyRead> From(IQueryable<CareersTally> tallies, int academicYear) => tallies.Select(t => new TallyRead
    {
        YoungPersonId = t.YoungPersonId,
        SchoolId = t.SchoolId,
        Counts = Math.Min(t.Activities, 65535) + Math.Min(t.EmployerEncounters, 65535) * Bits16
            + Math.Min(t.WorkplaceToYear11, 65535) * Bits16 * Bits16 + Math.Min(t.WorkplaceYears12To13, 32767) * Bits16 * Bits16 * Bits16,
        MoreCounts = Math.Min(t.HigherEducation, 4095) + Math.Min(t.GuidanceToYear11, 4095) * Bits12
            + Math.Min(t.GuidanceYears12To13, 4095) * Bits12 * Bits12
            + (t.LatestYear == academicYear ? Math.Min(t.EmployerEncountersInLatestYear, 4095) * Bits12 * Bits12 * Bits12
                + Math.Min(t.LessonsInLatestYear, 4095) * Bits12 * Bits12 * Bits12 * Bits12 : 0),
        WorkplaceHours = t.WorkplaceHours,
        Phase1Provider = t.Phase1Provider,
        Phase1OtherProvider = t.Phase1OtherProvider,
        Phase2Provider = t.Phase2Provider,
        Phase2OtherProvider = t.Phase2OtherProvider,
        Phase3Provider = t.Phase3Provider,
        Phase3OtherProvider = t.Phase3OtherProvider,
    });

    /// <summary>Adds this tally to a pupil's counts (for the date whose academic year the tally was read for).</summary>
    public void AddTo(PupilCounts counts) => Add(counts, Counts, MoreCounts, WorkplaceHours);

    /// <summary>Adds a tally read as its packed numbers to a pupil's counts.</summary>
    public static void Add(PupilCounts counts, long? packedCounts, long? moreCounts, double? workplaceHours)
    {
        var (packed, more) = (packedCounts ?? 0, moreCounts ?? 0);
        int Field16(int n) => (int)(packed >> (16 * n) & 0xFFFF);
        int Field12(int n) => (int)(more >> (12 * n) & 0xFFF);
        counts.Activities += Field16(0);
        counts.EmployerTotal += Field16(1);
        counts.WorkplaceBy16 += Field16(2);
        counts.WorkplaceBy18 += Field16(2) + Field16(3);
        counts.WorkplaceHoursSum += workplaceHours ?? 0;
        counts.HigherEducation += Field12(0);
        counts.GuidanceBy16 += Field12(1);
        counts.GuidanceBy18 += Field12(1) + Field12(2);
        counts.EmployerThisYear += Field12(3);
        counts.LessonsThisYear += Field12(4);
    }
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
