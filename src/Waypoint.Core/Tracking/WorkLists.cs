using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tracking;

public enum WorkListKind
{
    NotKnown,
    DueToLapse,
    Neet,
    ReviewDue,
    NoIntendedDestination,
    NoGuaranteeOffer,
}

public sealed record WorkListFilter(Guid? SchoolId = null, int? YearGroup = null, string? Characteristic = null, string? PostcodeDistrict = null, Guid? AdviserUserId = null);

public sealed record WorkListRow(
    Guid Id,
    string GivenName,
    string? PreferredGivenName,
    string FamilyName,
    string? PreferredFamilyName,
    DateOnly DateOfBirth,
    string? Postcode,
    string? SchoolName,
    string? CurrentActivityCode,
    DateOnly? CurrentActivityStart,
    DateOnly? CurrentDueToLapse,
    DateOnly? CurrentNeetStart,
    DateOnly? CurrentReviewDate,
    string? IntendedDestinationCode,
    Guid Version)
{
    public string DisplayName => $"{PreferredGivenName ?? GivenName} {PreferredFamilyName ?? FamilyName}";
}

public static class WorkLists
{
    public static string Title(WorkListKind kind) => kind switch
    {
        WorkListKind.NotKnown => "Activity not known",
        WorkListKind.DueToLapse => "Due to lapse in the next 30 days",
        WorkListKind.Neet => "NEET",
        WorkListKind.ReviewDue => "Review dates due",
        WorkListKind.NoIntendedDestination => "Year 11 with no intended destination",
        WorkListKind.NoGuaranteeOffer => "September Guarantee: no offer recorded",
        _ => kind.ToString(),
    };

    public static string Slug(WorkListKind kind) => kind switch
    {
        WorkListKind.NotKnown => "not-known",
        WorkListKind.DueToLapse => "due-to-lapse",
        WorkListKind.Neet => "neet",
        WorkListKind.ReviewDue => "review-due",
        WorkListKind.NoIntendedDestination => "no-intended-destination",
        WorkListKind.NoGuaranteeOffer => "no-guarantee-offer",
        _ => kind.ToString(),
    };

    public static WorkListKind? FromSlug(string? slug) => Enum.GetValues<WorkListKind>().Cast<WorkListKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);

    /// <summary>
    /// The young people on a work list, from those the user may see. Only the primary cohort and September Guarantee
    /// cohort (statuses P and G) are worked. Lists use the current-activity columns so each is an index range.
    /// </summary>
    public static IQueryable<YoungPerson> Apply(IQueryable<YoungPerson> visible, WorkListKind kind, WorkListFilter filter, DateOnly today, TrackingOptions options)
    {
        var people = visible.Where(p => p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G);
        var notKnownCodes = ActivityCodes.SituationNotKnown.ToArray();
        var neetCodes = ActivityCodes.Neet.ToArray();
        people = kind switch
        {
            WorkListKind.NotKnown => people.Where(p => notKnownCodes.Contains(p.CurrentActivityCode!) || p.CurrentDueToLapse <= today),
            WorkListKind.DueToLapse => people.Where(p => p.CurrentDueToLapse > today && p.CurrentDueToLapse <= today.AddDays(options.DueToLapseWithinDays)),
            WorkListKind.Neet => people.Where(p => neetCodes.Contains(p.CurrentActivityCode!)),
            WorkListKind.ReviewDue => people.Where(p => p.CurrentReviewDate <= today.AddDays(options.ReviewDueWithinDays)),
            WorkListKind.NoIntendedDestination => InYear(people, 11, today).Where(p => p.IntendedDestinationCode == null),
            WorkListKind.NoGuaranteeOffer => NoOffer(people, today),
            _ => people,
        };

        if (filter.SchoolId is { } school)
        {
            people = people.Where(p => p.SchoolId == school);
        }

        if (filter.YearGroup is { } year)
        {
            people = InYear(people, year, today);
        }

        if (!string.IsNullOrEmpty(filter.Characteristic))
        {
            var code = filter.Characteristic;
            people = people.Where(p => p.Characteristics.Any(c => c.Code == code && (c.EndDate == null || c.EndDate >= today)));
        }

        if (!string.IsNullOrEmpty(filter.PostcodeDistrict))
        {
            var district = filter.PostcodeDistrict.Trim().ToUpperInvariant();
            people = people.Where(p => p.PostcodeDistrict == district);
        }

        if (filter.AdviserUserId is { } adviser)
        {
            people = people.Where(p => p.AdviserUserId == adviser);
        }

        return people;
    }

    /// <summary>Who has waited longest comes first: NEET and not known by how long, lapse and review by date.</summary>
    public static IOrderedQueryable<YoungPerson> Order(IQueryable<YoungPerson> people, WorkListKind kind) => kind switch
    {
        WorkListKind.Neet => people.OrderBy(p => p.CurrentNeetStart).ThenBy(p => p.FamilyName).ThenBy(p => p.Id),
        WorkListKind.DueToLapse => people.OrderBy(p => p.CurrentDueToLapse).ThenBy(p => p.FamilyName).ThenBy(p => p.Id),
        WorkListKind.ReviewDue => people.OrderBy(p => p.CurrentReviewDate).ThenBy(p => p.FamilyName).ThenBy(p => p.Id),
        _ => people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id),
    };

    public static IQueryable<WorkListRow> ToRows(this IQueryable<YoungPerson> people) => people.Select(p => new WorkListRow(
        p.Id, p.GivenName, p.PreferredGivenName, p.FamilyName, p.PreferredFamilyName, p.DateOfBirth, p.Postcode, p.School == null ? null : p.School.Name,
        p.CurrentActivityCode, p.CurrentActivityStart, p.CurrentDueToLapse, p.CurrentNeetStart, p.CurrentReviewDate, p.IntendedDestinationCode, p.Version));

    private static IQueryable<YoungPerson> InYear(IQueryable<YoungPerson> people, int yearGroup, DateOnly today)
    {
        var (earliest, latest) = AcademicAge.DateOfBirthRange(yearGroup, today);
        return people.Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest);
    }

    private static IQueryable<YoungPerson> NoOffer(IQueryable<YoungPerson> people, DateOnly today)
    {
        var academicYear = AcademicAge.AcademicYearStart(today);
        var offered = SeptemberGuaranteeCodes.All.Where(c => c.Category is GuaranteeCategory.OfferMade or GuaranteeCategory.NotAppropriate).Select(c => c.Code).ToArray();
        var (y11Earliest, _) = AcademicAge.DateOfBirthRange(12, today);
        var (_, y11Latest) = AcademicAge.DateOfBirthRange(11, today);
        return people.Where(p => p.DateOfBirth >= y11Earliest && p.DateOfBirth <= y11Latest)
            .Where(p => !p.SeptemberGuarantee.Any(o => o.AcademicYear == academicYear && offered.Contains(o.StatusCode)));
    }
}
