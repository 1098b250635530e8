using System.Linq.Expressions;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis.Reports;

/// <summary>The participation types DfE publishes at the end of March (nccis.md sections 3 and 9).</summary>
public enum ParticipationType
{
    FullTimeEducation,
    Apprenticeship,
    WorkBasedLearning,
    PartTimeEducation,
    EmploymentWithStudy,
    OtherTraining,
}

/// <summary>The groups the measures are split by.</summary>
public enum SplitKind
{
    Send,
    Gender,
    Ethnicity,
    Characteristic,
    School,
    PostcodeDistrict,
}

/// <summary>Cohort, NEET and not known counts of one month (or one group in it), with the percentages DfE publishes.</summary>
public sealed record MeasureCounts(int Cohort, int Neet, int NotKnown)
{
    public int NeetOrNotKnown => Neet + NotKnown;
    public decimal? NeetPercent => NccisMeasures.Percent(Neet, Cohort);
    public decimal? NotKnownPercent => NccisMeasures.Percent(NotKnown, Cohort);
    public decimal? NeetOrNotKnownPercent => NccisMeasures.Percent(NeetOrNotKnown, Cohort);
}

/// <summary>
/// The headline three-month average: the average of each count over the months, then one average divided by the other
/// (DfE's avgNEET / avgcohort), never the average of three monthly percentages.
/// </summary>
public sealed record AverageMeasures(decimal Cohort, decimal Neet, decimal NotKnown)
{
    public decimal NeetOrNotKnown => Neet + NotKnown;
    public decimal? NeetPercent => NccisMeasures.Percent(Neet, Cohort);
    public decimal? NotKnownPercent => NccisMeasures.Percent(NotKnown, Cohort);
    public decimal? NeetOrNotKnownPercent => NccisMeasures.Percent(NeetOrNotKnown, Cohort);

    public static AverageMeasures Of(IReadOnlyCollection<MeasureCounts> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0)
        {
            throw new ArgumentException("An average needs at least one month.", nameof(months));
        }

        decimal n = months.Count;
        return new AverageMeasures(months.Sum(m => m.Cohort) / n, months.Sum(m => m.Neet) / n, months.Sum(m => m.NotKnown) / n);
    }
}

/// <summary>End-of-March participation: how many of the cohort are in each type of education or training.</summary>
public sealed record ParticipationCounts(int Cohort, IReadOnlyDictionary<ParticipationType, int> ByType)
{
    public int Participating => ByType.Values.Sum();
    public decimal? Percent => NccisMeasures.Percent(Participating, Cohort);
    public decimal? PercentOf(ParticipationType type) => NccisMeasures.Percent(ByType.GetValueOrDefault(type), Cohort);
}

/// <summary>September Guarantee figures for one year group (or both): how many in each DfE category.</summary>
public sealed record GuaranteeCounts(int Cohort, IReadOnlyDictionary<GuaranteeCategory, int> ByCategory)
{
    public int Count(GuaranteeCategory category) => ByCategory.GetValueOrDefault(category);
    public decimal? Percent(GuaranteeCategory category) => NccisMeasures.Percent(Count(category), Cohort);
}

public sealed record SplitGroup(string Key, string Label, MeasureCounts Counts);

/// <summary>
/// The DfE measures of nccis.md section 9 over snapshot rows. Every measure is for academic age 16-17 in the primary
/// cohort (status P: the LA of residence), leaving out custody (710). A record is exactly one of not known, NEET,
/// or neither: not known wins, so a lapsed NEET or lapsed college place counts once, as not known.
/// </summary>
public sealed class NccisMeasures
{
    private readonly NccisReportOptions options;
    private readonly Func<NccisSnapshotRow, bool> inCohort;
    private readonly Func<NccisSnapshotRow, bool> notKnown;

    public NccisMeasures(NccisReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;

        // One definition for both uses: the expressions run in the database for the monthly counts, compiled in memory for the rest.
        var notKnownCodes = ActivityCodes.NotKnown.ToList();
        var neetCodes = ActivityCodes.Neet.ToList();
        var lapsedCounts = options.LapsedCountsAsNotKnown;
        NotKnownExpression = r => r.ActivityCode == null || notKnownCodes.Contains(r.ActivityCode) || (lapsedCounts && r.CurrencyLapsed);
        NeetExpression = r => !(r.ActivityCode == null || notKnownCodes.Contains(r.ActivityCode) || (lapsedCounts && r.CurrencyLapsed))
            && neetCodes.Contains(r.ActivityCode!);
        inCohort = InCohortExpression.Compile();
        notKnown = NotKnownExpression.Compile();
    }

    /// <summary>In the denominator: academic age 16-17, primary cohort (P), not in custody (710).</summary>
    public static Expression<Func<NccisSnapshotRow, bool>> InCohortExpression { get; } =
        r => r.CohortStatus == CohortStatus.P && (r.AcademicAge == 16 || r.AcademicAge == 17) && (r.ActivityCode == null || r.ActivityCode != CustodyCode);

    /// <summary>Not known: 810, 820 or 830; a lapsed record (unless configured otherwise); or no activity recorded by the period end.</summary>
    public Expression<Func<NccisSnapshotRow, bool>> NotKnownExpression { get; }

    /// <summary>NEET: a NEET code, and not counted as not known.</summary>
    public Expression<Func<NccisSnapshotRow, bool>> NeetExpression { get; }

    public static readonly IReadOnlySet<string> FullTimeEducationCodes = new HashSet<string> { "210", "220", "230", "240", "270", "280", "290" };
    public static readonly IReadOnlySet<string> ApprenticeshipCodes = new HashSet<string> { "310" };
    public static readonly IReadOnlySet<string> WorkBasedLearningCodes = new HashSet<string> { "410", "450", "460" };
    public static readonly IReadOnlySet<string> PartTimeEducationCodes = new HashSet<string> { "250" };
    public static readonly IReadOnlySet<string> EmploymentWithStudyCodes = new HashSet<string> { "320", "381", "550" };

    public const string CustodyCode = "710";

    public static decimal? Percent(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator / denominator * 100m;

    public static string Label(ParticipationType type) => type switch
    {
        ParticipationType.FullTimeEducation => "Full-time education",
        ParticipationType.Apprenticeship => "Apprenticeship",
        ParticipationType.WorkBasedLearning => "Work based learning",
        ParticipationType.PartTimeEducation => "Part-time education",
        ParticipationType.EmploymentWithStudy => "Employment combined with study",
        ParticipationType.OtherTraining => "Other training",
        _ => type.ToString(),
    };

    public static string Label(GuaranteeCategory category) => category switch
    {
        GuaranteeCategory.OfferMade => "Offer made",
        GuaranteeCategory.NotAppropriate => "Offer not appropriate",
        GuaranteeCategory.NoOffer => "No offer",
        GuaranteeCategory.NotRecorded => "Not recorded",
        _ => category.ToString(),
    };

    public static string Label(SplitKind kind) => kind switch
    {
        SplitKind.Send => "SEND",
        SplitKind.Gender => "Gender",
        SplitKind.Ethnicity => "Ethnicity",
        SplitKind.Characteristic => "Characteristic",
        SplitKind.School => "School or college",
        SplitKind.PostcodeDistrict => "Postcode district",
        _ => kind.ToString(),
    };

    public bool InCohort(NccisSnapshotRow row) => inCohort(row);

    public bool IsNotKnown(NccisSnapshotRow row) => notKnown(row);

    public bool IsNeet(NccisSnapshotRow row) => !IsNotKnown(row) && ActivityCodes.Neet.Contains(row.ActivityCode!);

    public ParticipationType? Participation(NccisSnapshotRow row)
    {
        if (IsNotKnown(row))
        {
            return null;
        }

        var code = row.ActivityCode!;
        return code switch
        {
            _ when FullTimeEducationCodes.Contains(code) => ParticipationType.FullTimeEducation,
            _ when ApprenticeshipCodes.Contains(code) => ParticipationType.Apprenticeship,
            _ when WorkBasedLearningCodes.Contains(code) => ParticipationType.WorkBasedLearning,
            _ when PartTimeEducationCodes.Contains(code) => ParticipationType.PartTimeEducation,
            _ when EmploymentWithStudyCodes.Contains(code) => ParticipationType.EmploymentWithStudy,
            _ when options.OtherTrainingCodes.Contains(code) => ParticipationType.OtherTraining,
            _ => null,
        };
    }

    public MeasureCounts Count(IEnumerable<NccisSnapshotRow> rows)
    {
        int cohort = 0, neet = 0, notKnown = 0;
        foreach (var row in rows.Where(InCohort))
        {
            cohort++;
            if (IsNotKnown(row))
            {
                notKnown++;
            }
            else if (ActivityCodes.Neet.Contains(row.ActivityCode!))
            {
                neet++;
            }
        }

        return new MeasureCounts(cohort, neet, notKnown);
    }

    public ParticipationCounts CountParticipation(IEnumerable<NccisSnapshotRow> rows)
    {
        var cohort = rows.Where(InCohort).ToList();
        var byType = Enum.GetValues<ParticipationType>().ToDictionary(t => t, _ => 0);
        foreach (var type in cohort.Select(Participation).OfType<ParticipationType>())
        {
            byType[type]++;
        }

        return new ParticipationCounts(cohort.Count, byType);
    }

    /// <summary>
    /// The September Guarantee cohort is Year 11 (academic age 15) for SG02 and Year 12 (16) for SG11, status P or G
    /// (G is kept for the guarantee). No status, or a code not valid for the year group, is "not recorded".
    /// </summary>
    public static GuaranteeCounts CountGuarantee(IEnumerable<NccisSnapshotRow> rows, int? yearGroup = null)
    {
        var byCategory = Enum.GetValues<GuaranteeCategory>().ToDictionary(c => c, _ => 0);
        var cohort = 0;
        foreach (var row in rows.Where(r => r.CohortStatus is CohortStatus.P or CohortStatus.G))
        {
            var group = row.AcademicAge - 4;
            if (group is not (11 or 12) || (yearGroup is { } wanted && wanted != group))
            {
                continue;
            }

            cohort++;
            var code = group == 11 ? row.GuaranteeYear11Code : row.GuaranteeYear12Code;
            byCategory[GuaranteeCategoryOf(code, group)]++;
        }

        return new GuaranteeCounts(cohort, byCategory);
    }

    public static GuaranteeCategory GuaranteeCategoryOf(string? code, int yearGroup) =>
        SeptemberGuaranteeCodes.IsValidFor(code, yearGroup) ? SeptemberGuaranteeCodes.Find(code)!.Category : GuaranteeCategory.NotRecorded;

    /// <summary>
    /// The measures for each group of a split. A young person with several characteristics counts in each of their
    /// groups; <paramref name="schoolNames"/> turns school IDs into names.
    /// </summary>
    public IReadOnlyList<SplitGroup> Split(IEnumerable<NccisSnapshotRow> rows, SplitKind kind, IReadOnlyDictionary<Guid, string>? schoolNames = null)
    {
        var groups = new Dictionary<string, (string Label, List<NccisSnapshotRow> Rows)>(StringComparer.Ordinal);
        foreach (var row in rows.Where(InCohort))
        {
            foreach (var (key, label) in GroupsOf(row, kind, schoolNames))
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    group = (label, []);
                    groups[key] = group;
                }

                group.Rows.Add(row);
            }
        }

        return groups
            .Select(g => new SplitGroup(g.Key, g.Value.Label, Count(g.Value.Rows)))
            .OrderBy(g => g.Key.StartsWith('~') ? 1 : 0)
            .ThenBy(g => kind is SplitKind.Send or SplitKind.Gender ? g.Key : g.Label, StringComparer.Ordinal)
            .ToList();
    }

    // Keys starting with "~" are the "not recorded" groups, listed last.
    private static IEnumerable<(string Key, string Label)> GroupsOf(NccisSnapshotRow row, SplitKind kind, IReadOnlyDictionary<Guid, string>? schoolNames)
    {
        switch (kind)
        {
            case SplitKind.Send:
                yield return row.HasEhcPlan ? ("1", "EHC plan") : row.HasSenSupport ? ("2", "SEN support") : ("3", "No SEN");
                break;
            case SplitKind.Gender:
                yield return (row.Gender.ToString(), row.Gender switch
                {
                    Gender.F => "Female",
                    Gender.M => "Male",
                    Gender.U => "Unknown",
                    Gender.W => "Withheld",
                    _ => row.Gender.ToString(),
                });
                break;
            case SplitKind.Ethnicity:
                yield return (row.EthnicityCode, EthnicityCodes.All.TryGetValue(row.EthnicityCode, out var ethnicity) ? ethnicity : row.EthnicityCode);
                break;
            case SplitKind.Characteristic:
                var any = false;
                foreach (var code in row.Characteristics)
                {
                    any = true;
                    yield return (code, $"{code} {CharacteristicCodes.Describe(code)}");
                }

                if (!any)
                {
                    yield return ("~none", "No characteristic recorded");
                }

                break;
            case SplitKind.School:
                yield return row.SchoolId is { } school
                    ? (school.ToString(), schoolNames?.GetValueOrDefault(school) ?? "School or college not in Waypoint")
                    : ("~none", "No school or college recorded");
                break;
            case SplitKind.PostcodeDistrict:
                yield return row.PostcodeDistrict is { Length: > 0 } district ? (district, district) : ("~none", "Postcode not recorded");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
