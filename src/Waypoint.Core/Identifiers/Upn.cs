namespace Waypoint.Core.Identifiers;

/// <summary>
/// Unique Pupil Number check, to the DfE rule (census 1510): characters 2-13 weighted by position,
/// sum mod 23 mapped to a letter alphabet that skips I, O and S.
/// </summary>
public static class Upn
{
    private const string CheckAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static string? Validate(string? upn)
    {
        if (string.IsNullOrWhiteSpace(upn))
        {
            return "UPN missing";
        }

        if (upn.Length != 13)
        {
            return "UPN must be 13 characters";
        }

        if (!upn.AsSpan(1, 11).ContainsOnlyDigits())
        {
            return "UPN invalid (characters 2-12 not all numeric)";
        }

        var last = upn[12];
        if (!char.IsAsciiDigit(last) && !CheckAlphabet.Contains(last, StringComparison.Ordinal))
        {
            return "UPN invalid (character 13 not a recognised value)";
        }

        return CheckLetter(upn) == upn[0] ? null : "UPN invalid (wrong check letter at character 1)";
    }

    public static bool IsValid(string? upn) => Validate(upn) is null;

    /// <summary>The check letter for the last 12 characters of a UPN (the first is ignored).</summary>
    public static char CheckLetter(string upn)
    {
        var sum = 0;
        for (var position = 2; position <= 13; position++)
        {
            var c = upn[position - 1];
            var value = char.IsAsciiDigit(c) ? c - '0' : CheckAlphabet.IndexOf(c, StringComparison.Ordinal);
            sum += value * position;
        }

        return CheckAlphabet[sum % 23];
    }

    /// <summary>Builds a permanent UPN from its parts, adding the check letter.</summary>
    public static string Create(string laCode, string establishmentNumber, int yearOfAllocation, int serial)
    {
        var body = $"{laCode}{establishmentNumber}{yearOfAllocation % 100:00}{serial:000}";
        return CheckLetter("?" + body) + body;
    }
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
