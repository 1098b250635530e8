using Waypoint.Core.Tracking;

namespace Waypoint.Core.Tests.Tracking;

public class WorkingDaysTests
{
    private static readonly TrackingOptions Options = new();

    [Theory]
    [InlineData("2026-11-23", 5, "2026-11-30")] // Monday: the following Monday
    [InlineData("2026-11-27", 5, "2026-12-04")] // Friday: the weekend is skipped
    [InlineData("2026-11-28", 1, "2026-11-30")] // Saturday: the next working day is Monday
    [InlineData("2026-12-21", 5, "2026-12-30")] // Christmas Day and the Boxing Day substitute (28th) are skipped
    [InlineData("2026-08-28", 1, "2026-09-01")] // Friday before the August bank holiday
    public void Add_SkipsWeekendsAndBankHolidays(string from, int days, string expected)
    {
        var result = WorkingDays.Add(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days, Options.BankHolidays);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }
}
