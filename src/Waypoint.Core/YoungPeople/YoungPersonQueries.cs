using System.Globalization;
using Waypoint.Core.Identifiers;

namespace Waypoint.Core.YoungPeople;

public sealed record YoungPersonListItem(
    Guid Id,
    string GivenName,
    string FamilyName,
    string? PreferredGivenName,
    string? PreferredFamilyName,
    DateOnly DateOfBirth,
    string? Upn,
    string? Postcode,
    string? SchoolName,
    string? CurrentActivityCode,
    DateOnly? CurrentActivityStart)
{
    public string DisplayName => $"{PreferredGivenName ?? GivenName} {PreferredFamilyName ?? FamilyName}";
}

public static class YoungPersonQueries
{
    /// <summary>The current activity is the one that started last; it is derived, never stored twice.</summary>
    public static IQueryable<YoungPersonListItem> ToListItems(this IQueryable<YoungPerson> people) =>
        people.Select(p => new YoungPersonListItem(
            p.Id,
            p.GivenName,
            p.FamilyName,
            p.PreferredGivenName,
            p.PreferredFamilyName,
            p.DateOfBirth,
            p.Upn,
            p.Postcode,
            p.School == null ? null : p.School.Name,
            p.Activities.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt).Select(a => a.Code).FirstOrDefault(),
            p.Activities.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt).Select(a => (DateOnly?)a.StartDate).FirstOrDefault()));

    public static IQueryable<YoungPerson> WhereCurrentActivityIn(this IQueryable<YoungPerson> people, IReadOnlyCollection<string> codes) =>
        people.Where(p => codes.Contains(p.Activities.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt).Select(a => a.Code).FirstOrDefault()!));

    /// <summary>Longest in their current activity first: who has waited longest for contact.</summary>
    public static IQueryable<YoungPerson> OrderByCurrentActivityStart(this IQueryable<YoungPerson> people) =>
        people.OrderBy(p => p.Activities.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt).Select(a => a.StartDate).FirstOrDefault())
            .ThenBy(p => p.Id);

    /// <summary>
    /// Narrows by one search box: a UPN, a ULN, a postcode, a date of birth (day/month/year) or part of a name.
    /// Names match regardless of case, accents, hyphens and apostrophes.
    /// </summary>
    public static IQueryable<YoungPerson> Search(this IQueryable<YoungPerson> people, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return people;
        }

        term = term.Trim();
        var compact = term.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length == 13 && char.IsAsciiLetter(compact[0]) && compact.AsSpan(1, 11).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return people.Where(p => p.Upn == compact || p.FormerUpn == compact);
        }

        if (compact.Length == 10 && compact.All(char.IsAsciiDigit))
        {
            return people.Where(p => p.Uln == compact);
        }

        if (DateOnly.TryParseExact(term, ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateOfBirth))
        {
            return people.Where(p => p.DateOfBirth == dateOfBirth);
        }

        if (Postcode.IsValid(term))
        {
            var postcode = Postcode.Normalise(term);
            return people.Where(p => p.Postcode == postcode);
        }

        var folded = NameSearch.Fold(term);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var pattern = word;
            people = people.Where(p => p.SearchName.Contains(pattern));
        }

        return people;
    }
}
