using System.Globalization;

namespace Waypoint.Core.Matching;

/// <summary>The outcome of looking one incoming person up in the register.</summary>
public sealed record MatchResult(MatchDecision Decision, Guid? PersonId, MatchScore? Score, Guid? RunnerUpId, MatchScore? RunnerUp)
{
    public static readonly MatchResult NoCandidate = new(MatchDecision.New, null, null, null, null);
}

/// <summary>
/// An in-memory index of a register (one LA's young people, or a file's rows) for record matching. Exact UPN and ULN
/// lookups come first; otherwise candidates are gathered from blocks that each survive a different kind of error
/// (same date of birth; day and month swapped; sound-alike family name and birth year; sound-alike given and family
/// name, either way round; postcode and initial). Each candidate that could reach the lower threshold with its names
/// agreeing (<see cref="MatchScorer.MightReach"/>) is scored; the others cannot be matched or reviewed and are passed
/// over, so a row that matches no one has no score when none came near. Only ids and the compared fields are held,
/// about 35 MB for a register of 100,000 people.
/// </summary>
public sealed class RegisterIndex(MatchScorer scorer)
{
    // People by position; positions by id.
    private readonly List<Guid> ids = [];
    private readonly List<MatchSubject> subjects = [];
    private readonly Dictionary<Guid, int> positions = [];

    // Blocks are keyed by a 64-bit hash of their key text, not the text: a register of 100,000 people has about as many
    // distinct keys, and holding their strings would cost tens of megabytes. Two keys that share a hash only put more
    // candidates in front of the scorer, which judges each one on its own fields. Each block is a chain through
    // `links`, in the order people were added, rather than a list of its own: most blocks hold one or two people, and a
    // list each cost three times the memory of the whole chain.
    private readonly Dictionary<ulong, (int First, int Last)> blocks = [];
    private readonly List<(int Person, int Next)> links = [];
    private readonly Dictionary<string, Guid> byUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> byUln = new(StringComparer.Ordinal);

    public int Count => positions.Count;

    public MatchSubject this[Guid id] => subjects[positions[id]];

    public void Add(Guid id, MatchSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (positions.TryGetValue(id, out var person))
        {
            subjects[person] = subject;
        }
        else
        {
            person = positions[id] = ids.Count;
            ids.Add(id);
            subjects.Add(subject);
        }

        foreach (var key in Keys(subject, forLookup: false).Select(Hash))
        {
            links.Add((person, -1));
            var link = links.Count - 1;
            if (blocks.TryGetValue(key, out var block))
            {
                links[block.Last] = (links[block.Last].Person, link);
                blocks[key] = (block.First, link);
            }
            else
            {
                blocks[key] = (link, link);
            }
        }

        if (!string.IsNullOrWhiteSpace(subject.Upn))
        {
            byUpn.TryAdd(subject.Upn.Trim(), id);
        }

        if (!string.IsNullOrWhiteSpace(subject.FormerUpn))
        {
            byUpn.TryAdd(subject.FormerUpn.Trim(), id);
        }

        if (!string.IsNullOrWhiteSpace(subject.Uln))
        {
            byUln.TryAdd(subject.Uln.Trim(), id);
        }
    }

    /// <summary>The best match for <paramref name="incoming"/>, leaving out <paramref name="exclude"/> (the person itself, when finding duplicates).</summary>
    public MatchResult Find(MatchSubject incoming, Guid? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        foreach (var id in IdentifierHits(incoming))
        {
            if (id != exclude)
            {
                return new MatchResult(MatchDecision.Match, id, scorer.Score(incoming, this[id]), null, null);
            }
        }

        // A person can sit in several of the blocks looked in, so each is judged once; most are ruled out before their
        // names are compared.
        var seen = new HashSet<int>();
        (Guid Id, MatchScore Score)? best = null, second = null;
        foreach (var key in Keys(incoming, forLookup: true).Select(Hash))
        {
            if (!blocks.TryGetValue(key, out var block))
            {
                continue;
            }

            for (var link = block.First; link >= 0; link = links[link].Next)
            {
                var person = links[link].Person;
                var id = ids[person];
                if (id == exclude || !seen.Add(person)
                    || scorer.ScoreIfItMightReach(incoming, subjects[person], scorer.Options.LowerThreshold) is not { } score)
                {
                    continue;
                }

                if (best is null || score.Weight > best.Value.Score.Weight)
                {
                    second = best;
                    best = (id, score);
                }
                else if (second is null || score.Weight > second.Value.Score.Weight)
                {
                    second = (id, score);
                }
            }
        }

        if (best is not { } top || top.Score.Decision == MatchDecision.New)
        {
            return MatchResult.NoCandidate with { Score = best?.Score };
        }

        // Two people in the register both look like this one well enough to match: a person must choose.
        var decision = top.Score.Decision == MatchDecision.Match && second is { } other && other.Score.Weight >= scorer.Options.UpperThreshold
            ? MatchDecision.Review
            : top.Score.Decision;
        return new MatchResult(decision, top.Id, top.Score, second?.Id, second?.Score);
    }

    private IEnumerable<Guid> IdentifierHits(MatchSubject s)
    {
        if (!string.IsNullOrWhiteSpace(s.Uln) && byUln.TryGetValue(s.Uln.Trim(), out var uln))
        {
            yield return uln;
        }

        if (!string.IsNullOrWhiteSpace(s.Upn) && byUpn.TryGetValue(s.Upn.Trim(), out var upn))
        {
            yield return upn;
        }

        if (!string.IsNullOrWhiteSpace(s.FormerUpn) && byUpn.TryGetValue(s.FormerUpn.Trim(), out var former))
        {
            yield return former;
        }
    }

    private static IEnumerable<string> Keys(MatchSubject s, bool forLookup)
    {
        var given = NameComparison.Soundex(s.GivenName);
        var family = NameComparison.Soundex(s.FamilyName);
        yield return $"n:{given}:{family}";
        if (forLookup)
        {
            yield return $"n:{family}:{given}";
        }

        if (s.DateOfBirth is { } dob)
        {
            yield return $"d:{Date(dob)}";
            if (forLookup && dob.Day <= 12 && dob.Day != dob.Month)
            {
                yield return $"d:{Date(new DateOnly(dob.Year, dob.Day, dob.Month))}";
            }

            yield return $"f:{family}:{dob.Year}";
        }

        if (!string.IsNullOrWhiteSpace(s.Postcode))
        {
            var initial = NameComparison.Squash(s.GivenName) is { Length: > 0 } g ? g[0] : '?';
            yield return $"p:{s.Postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}:{initial}";
        }
    }

    /// <summary>FNV-1a over the key's characters: stable from run to run, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
