using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tests.YoungPeople;

public class AcademicAgeTests
{
    private static readonly DateOnly Autumn2026 = new(2026, 11, 23);

    [Theory]
    [InlineData("2010-08-31", 16, 12)]
    [InlineData("2010-09-01", 15, 11)]
    [InlineData("2011-08-31", 15, 11)]
    [InlineData("2011-09-01", 14, 10)]
    [InlineData("2008-02-29", 18, 14)]
    [InlineData("2012-02-29", 14, 10)]
    public void Of_BirthdaysAroundTheCutOff_GiveAgeOn31August(string dateOfBirth, int academicAge, int yearGroup)
    {
        var dob = DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(academicAge, AcademicAge.Of(dob, Autumn2026));
        Assert.Equal(yearGroup, AcademicAge.YearGroup(dob, Autumn2026));
    }

    [Fact]
    public void Of_OnFirstSeptember_MovesEveryoneUpAYear()
    {
        var dob = new DateOnly(2010, 9, 1);

        Assert.Equal(15, AcademicAge.Of(dob, new DateOnly(2027, 8, 31)));
        Assert.Equal(16, AcademicAge.Of(dob, new DateOnly(2027, 9, 1)));
    }

    [Fact]
    public void DateOfBirthRange_Year11_RunsFromSeptemberToAugust()
    {
        var (earliest, latest) = AcademicAge.DateOfBirthRange(11, Autumn2026);

        Assert.Equal(new DateOnly(2010, 9, 1), earliest);
        Assert.Equal(new DateOnly(2011, 8, 31), latest);
    }
}
