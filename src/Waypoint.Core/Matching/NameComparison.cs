using System.Collections.Concurrent;
using System.Text;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Matching;

/// <summary>How closely two names agree, from the strongest evidence to none.</summary>
public enum NameAgreement
{
    Missing,
    Disagree,

    /// <summary>Close spelling: a typo, a dropped or doubled letter, two letters swapped (Jaro-Winkler at least 0.88).</summary>
    Similar,

    /// <summary>A known short form (Bob and Robert), or one part of a double-barrelled or multi-part name.</summary>
    Variant,
    Exact,
}

/// <summary>Name comparison for record matching: folded exact, nickname, part-of-name and typo-tolerant agreement.</summary>
public static class NameComparison
{
    public const double SimilarThreshold = 0.88;

    public static NameAgreement Compare(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return NameAgreement.Missing;
        }

        var x = Squash(a);
        var y = Squash(b);
        if (x == y)
        {
            return NameAgreement.Exact;
        }

        if (Nicknames.AreVariants(x, y) || SharesAPart(a, b))
        {
            return NameAgreement.Variant;
        }

        return JaroWinkler(x, y) >= SimilarThreshold ? NameAgreement.Similar : NameAgreement.Disagree;
    }

    /// <summary>Folded with spaces removed, so "Mc Donald", "McDonald" and "mcdonald" are one name.</summary>
    public static string Squash(string name) => Folded(name).Squashed;

    // "Smith-Jones" against "Jones", or "Mary Ann" against "Mary": one side is a part of the other.
    private static bool SharesAPart(string a, string b)
    {
        var left = Folded(a).Parts;
        var right = Folded(b).Parts;
        return (left.Length > 1 || right.Length > 1) && left.Any(l => l.Length > 1 && right.Contains(l));
    }

    private sealed record FoldedName(string Squashed, string[] Parts, string Soundex);

    // Matching compares each incoming name with many held ones, and a register repeats the same few thousand names, so
    // each name is folded once. The cap keeps a stream of unusual names from growing the cache without end.
    private const int FoldedCacheLimit = 100_000;
    private static readonly ConcurrentDictionary<string, FoldedName> FoldedCache = new(StringComparer.Ordinal);

    private static FoldedName Folded(string name)
    {
        if (FoldedCache.TryGetValue(name, out var folded))
        {
            return folded;
        }

        var text = NameSearch.Fold(name);
        var squashed = text.Replace(" ", "", StringComparison.Ordinal);
        folded = new FoldedName(squashed, text.Split(' '), SoundexOf(squashed));
        if (FoldedCache.Count < FoldedCacheLimit)
        {
            FoldedCache.TryAdd(name, folded);
        }

        return folded;
    }

    /// <summary>Jaro-Winkler similarity, 0 to 1; rewards a shared start, as names typed from paper usually keep one.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= 64 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 64 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>American Soundex of the folded name: a blocking key that survives most single-letter typos after the first.</summary>
    public static string Soundex(string name) => Folded(name).Soundex;

    private static string SoundexOf(string folded)
    {
        var letters = folded.Where(char.IsAsciiLetterLower).ToArray();
        if (letters.Length == 0)
        {
            return "";
        }

        var code = new StringBuilder(4);
        code.Append(char.ToUpperInvariant(letters[0]));
        var previous = Digit(letters[0]);
        for (var i = 1; i < letters.Length && code.Length < 4; i++)
        {
            var digit = Digit(letters[i]);
            if (digit != '0' && digit != previous)
            {
                code.Append(digit);
            }

            // H and W do not separate letters with the same code; vowels do.
            if (letters[i] is not ('h' or 'w'))
            {
                previous = digit;
            }
        }

        return code.ToString().PadRight(4, '0');
    }

    private static char Digit(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
