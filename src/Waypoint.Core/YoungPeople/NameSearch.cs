using System.Globalization;
using System.Text;

namespace Waypoint.Core.YoungPeople;

/// <summary>
/// Folds names for tolerant search: lower case, accents removed, hyphens and apostrophes treated as spaces,
/// so "Zieliński", "zielinski" and "ZIELINSKI" all match, as do "Smith-Jones" and "smith jones".
/// </summary>
public static class NameSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                '-' or '\'' or '\u2019' or '.' or ',' => ' ',
                'ł' or 'Ł' => 'l',
                'ø' or 'Ø' => 'o',
                'ß' => 's',
                _ => char.ToLowerInvariant(c),
            });
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Key(string givenName, string familyName) => Fold($"{givenName} {familyName}");
}
