using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Matching;

/// <summary>The fields record matching compares. Anything may be missing except the names.</summary>
public sealed record MatchSubject(
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    Gender? Gender = null,
    string? Postcode = null,
    Guid? SchoolId = null,
    string? Upn = null,
    string? Uln = null,
    string? FormerUpn = null);

public enum DateOfBirthAgreement
{
    Missing,
    Disagree,

    /// <summary>One of day, month or year differs by a keying slip; the other two agree.</summary>
    OnePartDiffers,

    /// <summary>Day and month swapped (American order), year the same.</summary>
    DayMonthSwapped,
    Exact,
}

public enum PostcodeAgreement
{
    Missing,
    Disagree,

    /// <summary>Same postcode district (the outward code), e.g. a move within the town.</summary>
    SameDistrict,
    Exact,
}

public enum MatchDecision
{
    /// <summary>Below the lower threshold: a different person; a new record is created.</summary>
    New,

    /// <summary>Between the thresholds, or above the upper one but barred from an automatic match: a person decides.</summary>
    Review,

    /// <summary>An identifier agrees, or the score is above the upper threshold with nothing barring it.</summary>
    Match,
}

/// <summary>One comparison and its evidence, so a reviewer sees why the score is what it is.</summary>
public sealed record MatchScore(
    double Weight,
    MatchDecision Decision,
    bool IdentifierAgrees,
    bool IdentifierConflicts,
    NameAgreement GivenName,
    NameAgreement FamilyName,
    bool NamesSwapped,
    DateOfBirthAgreement DateOfBirth,
    bool? GenderAgrees,
    PostcodeAgreement Postcode,
    bool? SchoolAgrees,
    string? BarredBecause);

/// <summary>
/// Fellegi-Sunter record comparison. Each field's agreement level adds log2(m/u): m is how often the level is seen
/// when the two records are the same person, u how often for two different people in one LA's register. The m and u
/// values are estimates for English school and college data (typing errors are rare, nicknames common at college,
/// young people move house within an LA); they are documented in docs/matching.md and tested against a seeded
/// population with planted duplicates and typos. A UPN or ULN that agrees is a match outright; one that disagrees
/// counts heavily against. Two safety bars keep an automatic match from joining different people: the given names
/// must agree at least as a variant or close spelling, and date of birth and gender must not disagree unless an
/// identifier agrees. A barred high score goes to review instead.
/// </summary>
public sealed class MatchScorer(MatchingOptions options)
{
    private static readonly Dictionary<NameAgreement, double> GivenWeights = new()
    {
        [NameAgreement.Exact] = W(0.90, 0.010),
        [NameAgreement.Variant] = W(0.05, 0.002),
        [NameAgreement.Similar] = W(0.04, 0.006),
        [NameAgreement.Disagree] = W(0.01, 0.982),
        [NameAgreement.Missing] = 0,
    };

    private static readonly Dictionary<NameAgreement, double> FamilyWeights = new()
    {
        [NameAgreement.Exact] = W(0.92, 0.004),
        [NameAgreement.Variant] = W(0.03, 0.001),
        [NameAgreement.Similar] = W(0.04, 0.005),
        [NameAgreement.Disagree] = W(0.01, 0.990),
        [NameAgreement.Missing] = 0,
    };

    private static readonly Dictionary<DateOfBirthAgreement, double> DobWeights = new()
    {
        // u for an exact date of birth is about 1 in 2,900 across the eight birth years an LA tracks; capped lower so
        // that a shared birthday alone never outweighs names that disagree.
        [DateOfBirthAgreement.Exact] = W(0.95, 0.002),
        [DateOfBirthAgreement.DayMonthSwapped] = W(0.01, 0.0005),
        [DateOfBirthAgreement.OnePartDiffers] = W(0.03, 0.02),
        [DateOfBirthAgreement.Disagree] = W(0.01, 0.978),
        [DateOfBirthAgreement.Missing] = 0,
    };

    private static readonly Dictionary<PostcodeAgreement, double> PostcodeWeights = new()
    {
        [PostcodeAgreement.Exact] = W(0.75, 0.002),
        [PostcodeAgreement.SameDistrict] = W(0.15, 0.05),
        [PostcodeAgreement.Disagree] = W(0.10, 0.948),
        [PostcodeAgreement.Missing] = 0,
    };

    private static readonly double GenderAgree = W(0.98, 0.5);
    private static readonly double GenderDisagree = W(0.02, 0.5);
    private static readonly double SchoolAgree = W(0.75, 0.08);
    private static readonly double SchoolDisagree = W(0.25, 0.92);
    private static readonly double IdentifierDisagree = W(0.02, 0.99);

    public MatchingOptions Options { get; } = options;

    private static double W(double m, double u) => Math.Log2(m / u);

    /// <summary>
    /// Whether <paramref name="held"/> could score <paramref name="threshold"/> or more against <paramref name="incoming"/>:
    /// the score with both names taken to agree exactly, which no comparison of names can beat. Comparing names is most
    /// of a score's cost, and most candidates a block turns up (a shared birth year and family name sound, a shared
    /// date of birth) differ on enough else to be ruled out without it.
    /// </summary>
    public bool MightReach(MatchSubject incoming, MatchSubject held, double threshold)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(held);
        return CouldReach(CompareAllButNames(incoming, held), threshold);
    }

    /// <summary>The score, or null when <see cref="MightReach"/> says it cannot reach <paramref name="threshold"/>: one comparison of the other fields for both.</summary>
    public MatchScore? ScoreIfItMightReach(MatchSubject incoming, MatchSubject held, double threshold)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(held);
        var others = CompareAllButNames(incoming, held);
        return CouldReach(others, threshold) ? ScoreWith(incoming, held, others) : null;
    }

    public MatchScore Score(MatchSubject incoming, MatchSubject held)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(held);
        return ScoreWith(incoming, held, CompareAllButNames(incoming, held));
    }

    // The best name weights of all: MightReach's bound takes both names as agreeing this well. Summed in the same order
    // as Score (names first, then the rest), so a pair whose names agree exactly gets the very same weight in both.
    private static readonly double BestNameWeights = GivenWeights.Values.Max() + FamilyWeights.Values.Max();

    private static bool CouldReach(OtherFields others, double threshold) => others.IdentifierAgrees || BestNameWeights + others.Weight >= threshold;

    private MatchScore ScoreWith(MatchSubject incoming, MatchSubject held, OtherFields others)
    {
        var (identifierAgrees, identifierConflicts, dob, gender, postcode, school, othersWeight) = others;
        var given = NameComparison.Compare(incoming.GivenName, held.GivenName);
        var family = NameComparison.Compare(incoming.FamilyName, held.FamilyName);
        var swapped = false;
        if (given == NameAgreement.Disagree && family == NameAgreement.Disagree)
        {
            // Given and family name entered the wrong way round.
            var swappedGiven = NameComparison.Compare(incoming.GivenName, held.FamilyName);
            var swappedFamily = NameComparison.Compare(incoming.FamilyName, held.GivenName);
            if (swappedGiven >= NameAgreement.Similar && swappedFamily >= NameAgreement.Similar)
            {
                (given, family, swapped) = (swappedGiven, swappedFamily, true);
            }
        }

        var weight = GivenWeights[given] + FamilyWeights[family] + othersWeight - (swapped ? 1 : 0);

        string? barred = null;
        if (!identifierAgrees)
        {
            if (given < NameAgreement.Similar)
            {
                barred = "the given names differ";
            }
            else if (dob is DateOfBirthAgreement.Disagree or DateOfBirthAgreement.OnePartDiffers or DateOfBirthAgreement.DayMonthSwapped)
            {
                barred = "the dates of birth differ";
            }
            else if (gender == false)
            {
                barred = "the genders differ";
            }
            else if (identifierConflicts)
            {
                barred = "their identifiers differ";
            }
        }

        var decision = identifierAgrees ? MatchDecision.Match
            : weight >= Options.UpperThreshold ? (barred is null ? MatchDecision.Match : MatchDecision.Review)
            : weight >= Options.LowerThreshold ? MatchDecision.Review
            : MatchDecision.New;
        return new MatchScore(weight, decision, identifierAgrees, identifierConflicts, given, family, swapped, dob, gender, postcode, school,
            decision == MatchDecision.Review && weight >= Options.UpperThreshold ? barred : null);
    }

    private readonly record struct OtherFields(
        bool IdentifierAgrees, bool IdentifierConflicts, DateOfBirthAgreement DateOfBirth, bool? GenderAgrees, PostcodeAgreement Postcode, bool? SchoolAgrees, double Weight);

    /// <summary>Everything a score weighs except the names, and its weight: shared by <see cref="Score"/> and <see cref="MightReach"/>.</summary>
    private static OtherFields CompareAllButNames(MatchSubject incoming, MatchSubject held)
    {
        var identifierAgrees = Same(incoming.Uln, held.Uln) || Same(incoming.Upn, held.Upn) || Same(incoming.Upn, held.FormerUpn) || Same(incoming.FormerUpn, held.Upn);

        // A UPN can be replaced (a temporary one, or a new school's), so only a ULN conflict, or a UPN conflict with no
        // former UPN to explain it, counts against.
        var identifierConflicts = !identifierAgrees
            && (Differ(incoming.Uln, held.Uln) || (Differ(incoming.Upn, held.Upn) && incoming.FormerUpn is null && held.FormerUpn is null));
        var dob = CompareDates(incoming.DateOfBirth, held.DateOfBirth);
        bool? gender = Known(incoming.Gender) && Known(held.Gender) ? incoming.Gender == held.Gender : null;
        var postcode = ComparePostcodes(incoming.Postcode, held.Postcode);
        bool? school = incoming.SchoolId is { } a && held.SchoolId is { } b ? a == b : null;
        var weight = DobWeights[dob] + PostcodeWeights[postcode]
            + gender switch { true => GenderAgree, false => GenderDisagree, null => 0 }
            + school switch { true => SchoolAgree, false => SchoolDisagree, null => 0 }
            + (identifierConflicts ? IdentifierDisagree : 0);
        return new OtherFields(identifierAgrees, identifierConflicts, dob, gender, postcode, school, weight);
    }

    public static DateOfBirthAgreement CompareDates(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return DateOfBirthAgreement.Missing;
        }

        if (x == y)
        {
            return DateOfBirthAgreement.Exact;
        }

        if (x.Year == y.Year && x.Day == y.Month && x.Month == y.Day)
        {
            return DateOfBirthAgreement.DayMonthSwapped;
        }

        var same = (x.Year == y.Year ? 1 : 0) + (x.Month == y.Month ? 1 : 0) + (x.Day == y.Day ? 1 : 0);
        return same == 2 ? DateOfBirthAgreement.OnePartDiffers : DateOfBirthAgreement.Disagree;
    }

    public static PostcodeAgreement ComparePostcodes(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return PostcodeAgreement.Missing;
        }

        // Compared without spaces and case, and without making new strings: matching compares millions of pairs.
        Span<char> xBuffer = a.Length <= 32 ? stackalloc char[a.Length] : new char[a.Length];
        Span<char> yBuffer = b.Length <= 32 ? stackalloc char[b.Length] : new char[b.Length];
        var x = Squashed(a, xBuffer);
        var y = Squashed(b, yBuffer);
        if (x.SequenceEqual(y))
        {
            return PostcodeAgreement.Exact;
        }

        return District(x).SequenceEqual(District(y)) ? PostcodeAgreement.SameDistrict : PostcodeAgreement.Disagree;
    }

    private static ReadOnlySpan<char> Squashed(string postcode, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in postcode)
        {
            if (c != ' ')
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return buffer[..length];
    }

    // The outward code: all but the last three characters (the inward code) of a postcode long enough to have both.
    private static ReadOnlySpan<char> District(ReadOnlySpan<char> squashed) => squashed.Length > 3 ? squashed[..^3] : squashed;

    private static bool Known(Gender? gender) => gender is Gender.F or Gender.M;

    private static bool Same(string? a, string? b) => !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Differ(string? a, string? b) => !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && !Same(a, b);
}
