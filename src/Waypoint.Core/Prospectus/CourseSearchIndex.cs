using System.Globalization;
using System.Text;

namespace Waypoint.Core.Prospectus;

/// <summary>What the index holds of one published course: enough to filter, rank and list it without the database.</summary>
public sealed record CourseSummary(
    Guid Id,
    Guid ProviderId,
    string ProviderName,
    string Title,
    QualificationType QualificationType,
    int Level,
    string SubjectArea,
    DateOnly StartDate,
    StudyMode StudyMode,
    string Venue,
    string VenuePostcode,
    GeoPoint? Location,
    string LaCode);

/// <summary>A course to index: its summary and the free text it is found by.</summary>
public sealed record IndexedCourse(CourseSummary Summary, string Description, string EntryRequirements);

/// <summary>
/// An in-process inverted index over the published courses, the same on SQLite and PostgreSQL: words are folded,
/// stemmed (<see cref="PorterStemmer"/>) and ranked with BM25, fields weighted (title above subject above the rest);
/// a query word the courses do not use is matched to words within one edit (two for long words), at a discount.
/// Immutable once built: <see cref="CourseSearch"/> swaps in a new one when the courses change.
/// </summary>
public sealed class CourseSearchIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double FuzzyWeight = 0.6;

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or", "the", "to", "with", "your", "you",
    ];

    private readonly CourseSummary[] courses;
    private readonly Dictionary<string, (int Doc, float Frequency)[]> postings;
    private readonly float[] lengths;
    private readonly double averageLength;

    /// <summary>The surface words of the courses and the stem each indexes under, bucketed by length for typo matching.</summary>
    private readonly Dictionary<int, List<(string Word, string Stem)>> wordsByLength;

    public CourseSearchIndex(IEnumerable<IndexedCourse> source, string stamp)
    {
        Stamp = stamp;
        var list = source.ToList();
        courses = list.Select(c => c.Summary).ToArray();
        lengths = new float[courses.Length];
        var building = new Dictionary<string, Dictionary<int, float>>(StringComparer.Ordinal);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var doc = 0; doc < list.Count; doc++)
        {
            var c = list[doc];
            var fields = new (string Text, float Weight)[]
            {
                (c.Summary.Title, 3f),
                (c.Summary.SubjectArea, 2f),
                (c.Summary.QualificationType.Describe(), 1.5f),
                (c.Summary.ProviderName, 1f),
                (c.Description, 1f),
                (c.EntryRequirements, 0.5f),
            };
            foreach (var (text, weight) in fields)
            {
                foreach (var word in Words(text))
                {
                    var stem = PorterStemmer.Stem(word);
                    surface.TryAdd(word, stem);
                    if (!building.TryGetValue(stem, out var docs))
                    {
                        building[stem] = docs = [];
                    }

                    docs[doc] = docs.GetValueOrDefault(doc) + weight;
                    lengths[doc] += weight;
                }
            }
        }

        Subjects = courses.Select(c => c.SubjectArea).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        Providers = courses.Select(c => (c.ProviderId, c.ProviderName)).Distinct().OrderBy(p => p.ProviderName, StringComparer.Ordinal).ToList();
        postings = building.ToDictionary(p => p.Key, p => p.Value.Select(d => (d.Key, d.Value)).ToArray(), StringComparer.Ordinal);
        averageLength = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        wordsByLength = surface.Select(s => (s.Key, s.Value)).Concat(postings.Keys.Select(k => (k, k))).Distinct()
            .GroupBy(w => w.Item1.Length).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>What the courses table looked like when this index was built (count and latest change).</summary>
    public string Stamp { get; }

    public int Count => courses.Length;

    public IReadOnlyList<CourseSummary> Courses => courses;

    /// <summary>The subject areas of the published courses, for the search filter.</summary>
    public IReadOnlyList<string> Subjects { get; private set; } = [];

    /// <summary>The providers with published courses, by name, for the search filter.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Providers { get; private set; } = [];

    /// <summary>
    /// Scores every course matching all the query's words (each word exactly, by stem or within its typo allowance).
    /// An empty query matches every course with score 0.
    /// </summary>
    public IReadOnlyList<(CourseSummary Course, double Score)> Match(string? query, Func<CourseSummary, bool> filter)
    {
        var terms = Words(query ?? "").Where(w => !StopWords.Contains(w)).Distinct().ToList();
        if (terms.Count == 0)
        {
            return courses.Where(filter).Select(c => (c, 0.0)).ToList();
        }

        Dictionary<int, double>? scores = null;
        foreach (var term in terms)
        {
            var termScores = new Dictionary<int, double>();
            foreach (var (stem, weight) in Expand(term))
            {
                var docs = postings[stem];
                var idf = Math.Log(1 + ((courses.Length - docs.Length + 0.5) / (docs.Length + 0.5)));
                foreach (var (doc, frequency) in docs)
                {
                    var tf = frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * lengths[doc] / averageLength))));
                    var score = weight * idf * tf;
                    if (!termScores.TryGetValue(doc, out var best) || score > best)
                    {
                        termScores[doc] = score;
                    }
                }
            }

            if (scores is null)
            {
                scores = termScores;
            }
            else
            {
                foreach (var doc in scores.Keys.ToList())
                {
                    if (termScores.TryGetValue(doc, out var add))
                    {
                        scores[doc] += add;
                    }
                    else
                    {
                        scores.Remove(doc);
                    }
                }
            }

            if (scores.Count == 0)
            {
                return [];
            }
        }

        return scores!.Where(s => filter(courses[s.Key])).Select(s => (courses[s.Key], s.Value)).ToList();
    }

    /// <summary>The stems a query word stands for: its own stem, and the indexed words within its typo allowance.</summary>
    public IReadOnlyList<(string Stem, double Weight)> Expand(string word)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var stem = PorterStemmer.Stem(word);
        if (postings.ContainsKey(stem))
        {
            result[stem] = 1;
        }

        if (postings.ContainsKey(word))
        {
            result[word] = 1;
        }

        var allowance = word.Length switch
        {
            <= 3 => 0,
            <= 7 => 1,
            _ => 2,
        };
        if (allowance > 0)
        {
            for (var length = word.Length - allowance; length <= word.Length + allowance; length++)
            {
                if (!wordsByLength.TryGetValue(length, out var candidates))
                {
                    continue;
                }

                foreach (var (candidate, candidateStem) in candidates)
                {
                    if (!result.ContainsKey(candidateStem) && postings.ContainsKey(candidateStem) && EditDistance.Within(word, candidate, allowance))
                    {
                        result[candidateStem] = FuzzyWeight;
                    }
                }
            }
        }

        return result.Select(r => (r.Key, r.Value)).ToList();
    }

    /// <summary>Lower-case words of letters and digits, accents folded: "Level-3 Café" gives "level", "3", "cafe".</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormD);
        var word = new StringBuilder();
        foreach (var ch in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark || ch == '\'' || ch == '’')
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}

/// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), cut off early.</summary>
public static class EditDistance
{
    public static bool Within(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return false;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return false;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length] <= max;
    }
}
