using System.Text.RegularExpressions;

namespace Waypoint.Core.Identifiers;

/// <summary>UK postcode format check (BS 7666 shapes and letter restrictions), after normalising spacing and case.</summary>
public static partial class Postcode
{
    [GeneratedRegex("^(GIR 0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex Shape();

    public static string Normalise(string postcode)
    {
        var compact = new string(postcode.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? compact[..^3] + " " + compact[^3..] : compact;
    }

    public static bool IsValid(string? postcode) => postcode is not null && Shape().IsMatch(Normalise(postcode));

    /// <summary>The outward code ("OX4" of "OX4 3AB"), used for postcode district filters.</summary>
    public static string District(string postcode) => Normalise(postcode).Split(' ')[0];
}
