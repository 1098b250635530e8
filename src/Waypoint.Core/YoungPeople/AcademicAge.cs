namespace Waypoint.Core.YoungPeople;

/// <summary>
/// Academic age is the age on 31 August before the academic year starts (1 September). Year 11 is
/// academic age 15; NCCIS "academic age 16-17" is Years 12 and 13.
/// </summary>
public static class AcademicAge
{
    public static int AcademicYearStart(DateOnly today) => today.Month >= 9 ? today.Year : today.Year - 1;

    public static int Of(DateOnly dateOfBirth, DateOnly today)
    {
        var thirtyFirstAugust = new DateOnly(AcademicYearStart(today), 8, 31);
        var age = thirtyFirstAugust.Year - dateOfBirth.Year;
        if (dateOfBirth > thirtyFirstAugust.AddYears(-age))
        {
            age--;
        }

        return age;
    }

    /// <summary>National curriculum year group: Year 11 at academic age 15, Year 7 at 11.</summary>
    public static int YearGroup(DateOnly dateOfBirth, DateOnly today) => Of(dateOfBirth, today) - 4;

    /// <summary>The earliest and latest dates of birth for a year group in the academic year containing <paramref name="today"/>.</summary>
    public static (DateOnly Earliest, DateOnly Latest) DateOfBirthRange(int yearGroup, DateOnly today)
    {
        var academicAge = yearGroup + 4;
        var start = AcademicYearStart(today);
        var latest = new DateOnly(start - academicAge, 8, 31);
        var earliest = new DateOnly(start - academicAge - 1, 9, 1);
        return (earliest, latest);
    }
}
