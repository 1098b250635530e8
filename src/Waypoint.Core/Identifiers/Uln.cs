namespace Waypoint.Core.Identifiers;

/// <summary>Unique Learner Number: 10 digits, no leading zero, weights 10..1 summing to 10 mod 11 (HESA rule).</summary>
public static class Uln
{
    public static bool IsValid(string? uln)
    {
        if (uln is null || uln.Length != 10 || uln[0] == '0' || !uln.AsSpan().ContainsOnlyDigits())
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (uln[i] - '0') * (10 - i);
        }

        return sum % 11 == 10;
    }

    /// <summary>Completes a 9-digit stem with its check digit, or returns null when no digit can make it valid.</summary>
    public static string? Complete(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        if (remainder == 0)
        {
            return null;
        }

        return nineDigits + (10 - remainder).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
