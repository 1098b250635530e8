using System.Globalization;
using System.Text.RegularExpressions;
using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Imports.Parsing;

/// <summary>
/// Checks and normalises the values of one row (or one CTF pupil), collecting every problem rather than stopping at
/// the first, so a rejected row lists all its faults at once. Each method returns null (or a default) for a value it
/// rejected. One instance is reused for every row of a file.
/// </summary>
internal sealed partial class RowChecks(ImportKind kind, DateOnly today)
{
    private const int ShownValueLength = 100;
    private readonly List<ImportRowError> errors = [];

    public int Row { get; private set; }

    public DateOnly Today => today;

    public bool Ok => errors.Count == 0;

    public IReadOnlyList<ImportRowError> Errors => errors;

    public void Start(int row)
    {
        Row = row;
        errors.Clear();
    }

    public void Fail(string field, string? value, string reason) =>
        errors.Add(new(Row, field, value is { Length: > ShownValueLength } ? value[..ShownValueLength] + "…" : value, reason));

    /// <summary>Trimmed text, null when blank.</summary>
    public string? Text(string field, string? raw, int maxLength = 100)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            Fail(field, value, $"{field} is longer than {maxLength} characters.");
            return null;
        }

        return value;
    }

    public string? Required(string field, string? raw, int maxLength = 100)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            Fail(field, null, $"{field} is missing.");
            return null;
        }

        return Text(field, raw, maxLength);
    }

    /// <summary>yyyy-MM-dd, or dd/MM/yyyy in UK order (never US month-first); a time of day after the date is ignored.</summary>
    public DateOnly? Date(string field, string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var match = IsoDate().Match(value);
        if (!match.Success)
        {
            match = UkDate().Match(value);
        }

        if (!match.Success)
        {
            Fail(field, value, $"{field} is not a date in the form yyyy-mm-dd or dd/mm/yyyy.");
            return null;
        }

        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            Fail(field, value, $"{field} is not a real date.");
            return null;
        }

        return new DateOnly(year, month, day);
    }

    public DateOnly? RequiredDate(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            Fail(field, null, $"{field} is missing.");
            return null;
        }

        return Date(field, raw);
    }

    /// <summary>Required, not after today, and giving an age the kind of file could plausibly hold.</summary>
    public DateOnly? DateOfBirth(string field, string? raw)
    {
        var date = RequiredDate(field, raw);
        if (date is not { } dob)
        {
            return null;
        }

        if (dob > today)
        {
            Fail(field, raw!.Trim(), $"{field} is in the future.");
            return null;
        }

        var (youngest, oldest) = AgeRange(kind);
        var age = today.Year - dob.Year - (today < dob.AddYears(today.Year - dob.Year) ? 1 : 0);
        if (age < youngest || age > oldest)
        {
            Fail(field, raw!.Trim(), $"{field} gives an age of {age}; a {Describe(kind)} should only hold people aged {youngest} to {oldest}.");
            return null;
        }

        return dob;
    }

    /// <summary>Ages (in whole years on the day of the import) each kind of file is expected to hold; docs/imports.md.</summary>
    public static (int Youngest, int Oldest) AgeRange(ImportKind kind) => kind switch
    {
        ImportKind.Roll or ImportKind.Ctf => (3, 20),
        ImportKind.Enrolments => (13, 25),
        _ => (15, 25),
    };

    public string? Upn(string field, string? raw)
    {
        var value = Code(raw);
        if (value is null)
        {
            return null;
        }

        if (Identifiers.Upn.Validate(value) is { } problem)
        {
            Fail(field, value, problem + ".");
            return null;
        }

        return value;
    }

    public string? Uln(string field, string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Identifiers.Uln.IsValid(value))
        {
            Fail(field, value, "ULN invalid (it must be 10 digits, not starting with 0, with a correct check digit).");
            return null;
        }

        return value;
    }

    public string? Postcode(string field, string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Identifiers.Postcode.IsValid(value))
        {
            Fail(field, value, "Postcode is not a real UK postcode; enter it like AA1 1AA.");
            return null;
        }

        return Identifiers.Postcode.Normalise(value);
    }

    public string? NationalInsuranceNumber(string field, string? raw)
    {
        var value = raw is null ? null : string.Concat(raw.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Nino().IsMatch(value))
        {
            Fail(field, raw!.Trim(), "National Insurance number is not valid: it should be 2 letters, 6 numbers and A, B, C or D, like QQ 12 34 56 C but with a real prefix.");
            return null;
        }

        return value;
    }

    /// <summary>M, F, U or W (NCCIS YP07), or the words male, female, unknown, withheld; blank is U.</summary>
    public Gender Sex(string field, string? raw)
    {
        var value = Code(raw);
        switch (value)
        {
            case null or "U" or "UNKNOWN" or "NOT KNOWN":
                return Gender.U;
            case "M" or "MALE":
                return Gender.M;
            case "F" or "FEMALE":
                return Gender.F;
            case "W" or "WITHHELD":
                return Gender.W;
            default:
                Fail(field, value, $"{field} must be M, F, U (unknown) or W (withheld).");
                return Gender.U;
        }
    }

    /// <summary>An NCCIS YP27 main code, or a census code that rolls up to one (<see cref="EthnicityRollUp"/>).</summary>
    public string? Ethnicity(string field, string? raw)
    {
        var value = Code(raw);
        if (value is null)
        {
            return null;
        }

        if (EthnicityCodes.All.ContainsKey(value))
        {
            return value;
        }

        if (EthnicityRollUp.TryGetValue(value, out var main))
        {
            return main;
        }

        Fail(field, value, $"{value} is not a census or NCCIS ethnicity code.");
        return null;
    }

    public string? SenProvision(string field, string? raw)
    {
        var value = Code(raw);
        if (value is null or "N" or "K" or "E")
        {
            return value;
        }

        Fail(field, value, "SEN provision must be N (none), K (SEN support) or E (EHC plan).");
        return null;
    }

    /// <summary>Y/N, Yes/No, True/False, T/F or 1/0.</summary>
    public bool? Flag(string field, string? raw)
    {
        var value = Code(raw);
        switch (value)
        {
            case null:
                return null;
            case "Y" or "YES" or "TRUE" or "T" or "1":
                return true;
            case "N" or "NO" or "FALSE" or "F" or "0":
                return false;
            default:
                Fail(field, value, $"{field} must be Y or N.");
                return null;
        }
    }

    /// <summary>A yes/no, or census codeset CS118: N not declared, P identified by a parent, S identified by the school.</summary>
    public bool? YoungCarer(string field, string? raw) =>
        Code(raw) is "P" or "S" ? true : Flag(field, raw);

    public int? Count(string field, string? raw, int max = 999)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > max)
        {
            Fail(field, value, $"{field} must be a whole number from 0 to {max}.");
            return null;
        }

        return n;
    }

    /// <summary>National curriculum year 1-14 ("11", "Y11", "Year 11"); reception and nursery are read as no year.</summary>
    public int? YearGroup(string field, string? raw)
    {
        var value = Code(raw)?.Replace(" ", "", StringComparison.Ordinal);
        if (value is null or "R" or "N" or "N1" or "N2" or "X" or "RECEPTION" or "NURSERY")
        {
            return null;
        }

        var digits = value.StartsWith("YEAR", StringComparison.Ordinal) ? value[4..] : value.StartsWith('Y') ? value[1..] : value;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 14)
        {
            return year;
        }

        Fail(field, raw!.Trim(), $"{field} must be a national curriculum year from 1 to 14.");
        return null;
    }

    public decimal? Percent(string field, string? raw)
    {
        var value = raw?.Trim().TrimEnd('%').TrimEnd();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
        {
            Fail(field, raw!.Trim(), $"{field} must be a percentage from 0 to 100.");
            return null;
        }

        return percent;
    }

    public string? Email(string field, string? raw)
    {
        var value = Text(field, raw, 254);
        if (value is null)
        {
            return null;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
        {
            Fail(field, value, $"{field} is not an email address.");
            return null;
        }

        return value;
    }

    public string? Phone(string field, string? raw)
    {
        var value = Text(field, raw, 30);
        if (value is null)
        {
            return null;
        }

        var digits = value.Count(char.IsAsciiDigit);
        if (digits is < 7 or > 15 || value.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-')))
        {
            Fail(field, value, $"{field} is not a phone number.");
            return null;
        }

        return value;
    }

    /// <summary>A number written with an exact count of digits; spaces, slashes and dashes between them are dropped.</summary>
    public string? Digits(string field, string? raw, int minLength, int maxLength, string what)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var digits = string.Concat(value.Where(c => c is not (' ' or '/' or '-')));
        if (digits.Length < minLength || digits.Length > maxLength || !digits.All(char.IsAsciiDigit))
        {
            Fail(field, value, $"{field} must be {what}.");
            return null;
        }

        return digits;
    }

    public string? ActivityCode(string field, string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (ActivityCodes.Find(value) is null)
        {
            Fail(field, value, $"{value} is not an NCCIS activity code.");
            return null;
        }

        return value;
    }

    /// <summary>The NCCIS activity a provider's mode of study stands for; docs/imports.md lists the mapping.</summary>
    public string? ModeActivity(string field, string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var activity = CsvColumns.Fold(value) switch
        {
            "fulltime" or "ft" or "fulltimeeducation" or "fulltimefe" => "230",
            "parttime" or "pt" or "parttimeeducation" => "250",
            "apprenticeship" or "apprentice" => "310",
            "traineeship" or "trainee" => "450",
            "supportedinternship" or "si" => "460",
            _ => null,
        };
        if (activity is null)
        {
            Fail(field, value, $"{field} must be full-time, part-time, apprenticeship, traineeship or supported internship.");
        }

        return activity;
    }

    /// <summary>Trimmed and upper case, null when blank.</summary>
    public static string? Code(string? raw)
    {
        var value = raw?.Trim();
        return string.IsNullOrEmpty(value) ? null : value.ToUpperInvariant();
    }

    private static string Describe(ImportKind kind) => kind switch
    {
        ImportKind.Roll => "school roll",
        ImportKind.Ctf => "common transfer file",
        ImportKind.Enrolments => "provider enrolment list",
        _ => "benefit claim notice",
    };

    /// <summary>
    /// Census extended ethnicity codes (interop.md 3.7) and census main codes NCCIS lacks, mapped to the YP27 code
    /// they roll up to. WIRT (Traveller of Irish heritage) has no YP27 code and rolls up to WOTH.
    /// </summary>
    private static readonly Dictionary<string, string> EthnicityRollUp = new(StringComparer.Ordinal)
    {
        ["WCOR"] = "WBRI",
        ["WENG"] = "WBRI",
        ["WNIR"] = "WBRI",
        ["WSCO"] = "WBRI",
        ["WWEL"] = "WBRI",
        ["WOWB"] = "WBRI",
        ["WIRT"] = "WOTH",
        ["WALB"] = "WOTH",
        ["WBOS"] = "WOTH",
        ["WCRO"] = "WOTH",
        ["WGRE"] = "WOTH",
        ["WGRK"] = "WOTH",
        ["WGRC"] = "WOTH",
        ["WITA"] = "WOTH",
        ["WKOS"] = "WOTH",
        ["WPOR"] = "WOTH",
        ["WSER"] = "WOTH",
        ["WTUR"] = "WOTH",
        ["WTUK"] = "WOTH",
        ["WTUC"] = "WOTH",
        ["WEUR"] = "WOTH",
        ["WEEU"] = "WOTH",
        ["WWEU"] = "WOTH",
        ["WOTW"] = "WOTH",
        ["WROG"] = "WROM",
        ["WROR"] = "WROM",
        ["WROO"] = "WROM",
        ["MWAP"] = "MWAS",
        ["MWAI"] = "MWAS",
        ["MWAO"] = "MWAS",
        ["MAOE"] = "MOTH",
        ["MABL"] = "MOTH",
    };

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})/(?<m>[0-9]{1,2})/(?<y>[0-9]{4})(?: [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UkDate();

    [GeneratedRegex("^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$", RegexOptions.CultureInvariant)]
    private static partial Regex Nino();
}
