using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Waypoint.Web.Infrastructure;

/// <summary>The three boxes of a GOV.UK date input, bound as Name.Day, Name.Month and Name.Year.</summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    /// <summary>Reads the date, adding GOV.UK-worded errors to model state under <paramref name="key"/>.</summary>
    public DateOnly? Read(ModelStateDictionary modelState, string key, string label, bool required)
    {
        if (IsEmpty)
        {
            if (required)
            {
                modelState.AddModelError(key, $"Enter {label}");
            }

            return null;
        }

        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            modelState.AddModelError(key, $"{Capitalise(label)} must include a {string.Join(" and ", missing)}");
            return null;
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        modelState.AddModelError(key, $"{Capitalise(label)} must be a real date");
        return null;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
