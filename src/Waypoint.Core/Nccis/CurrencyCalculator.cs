using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis;

/// <summary>Works out an activity's due-to-lapse date (NCCIS <c>DueToLapseDate</c>) from <see cref="CurrencyOptions"/>.</summary>
public sealed class CurrencyCalculator(CurrencyOptions options)
{
    /// <summary>
    /// Null for NEET and not-known codes, for codes with no rule, and for review-date codes with no review date.
    /// Never later than <paramref name="predictedEndDate"/> (NCCIS error 238).
    /// </summary>
    public DateOnly? DueToLapseDate(string code, DateOnly dateAscertained, DateOnly? dateVerified, DateOnly? reviewDate, DateOnly? predictedEndDate)
    {
        if (ActivityCodes.Neet.Contains(code) || ActivityCodes.NotKnown.Contains(code))
        {
            return null;
        }

        var lastConfirmed = dateVerified ?? dateAscertained;
        DateOnly? due = code switch
        {
            _ when options.EndOfAcademicYearCodes.Contains(code) => new DateOnly(AcademicAge.AcademicYearStart(lastConfirmed) + 1, 8, 31),
            _ when options.TwelveMonthCodes.Contains(code) => lastConfirmed.AddMonths(12),
            _ when options.SixMonthCodes.Contains(code) => lastConfirmed.AddMonths(6),
            _ when options.ThreeMonthCodes.Contains(code) => lastConfirmed.AddMonths(3),
            _ when options.ReviewDateCodes.Contains(code) => reviewDate?.AddDays(7 * options.ReviewLapseWeeks),
            _ => null,
        };

        return due > predictedEndDate ? predictedEndDate : due;
    }

    /// <summary>NCCIS reports <c>CurrencyLapsed = Y</c> only when the due-to-lapse date is on or before the period end (231, 232).</summary>
    public static bool IsLapsed(DateOnly? dueToLapseDate, DateOnly asOf) => dueToLapseDate <= asOf;
}
