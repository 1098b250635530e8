using System.Text.RegularExpressions;

namespace Waypoint.Core.Identifiers;

/// <summary>UK postcode format check (BS 7666 shapes and letter restrictions), after normalising spacing and case.</summary>
public static partial class Postcode
{
    [GeneratedRegex("^(GIR 0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex Shape();

    public static string Normalise(string postcode)
    {
        // Most postcodes arrive already in form ("OX4 3AB"); they are returned as they are rather than rebuilt, because
        // validating a return or matching a roll normalises one for every record.
        if (IsInForm(postcode))
        {
            return postcode;
        }

        var compact = new string(postcode.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? compact[..^3] + " " + compact[^3..] : compact;
    }

    /// <summary>Capitals, no whitespace but the one space before the last three characters, and at least five characters.</summary>
    private static bool IsInForm(string postcode)
    {
        if (postcode.Length < 5 || postcode[^4] != ' ')
        {
            return false;
        }

        for (var i = 0; i < postcode.Length; i++)
        {
            var c = postcode[i];
            // ASCII only: anything else takes the general path, whose casing works on whole strings.
            if (i != postcode.Length - 4 && (!char.IsAscii(c) || char.IsWhiteSpace(c) || char.IsAsciiLetterLower(c)))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValid(string? postcode) => postcode is not null && Shape().IsMatch(Normalise(postcode));

    /// <summary>The outward code ("OX4" of "OX4 3AB"), used for postcode district filters.</summary>
    public static string District(string postcode) => Normalise(postcode).Split(' ')[0];
}
