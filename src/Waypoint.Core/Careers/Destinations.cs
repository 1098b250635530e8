using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Careers;

/// <summary>Where a leaver went, in the groups schools report destinations in.</summary>
public enum DestinationKind
{
    OwnSixthForm,
    SixthFormElsewhere,
    FurtherEducation,
    HigherEducation,
    Apprenticeship,
    EmploymentWithTraining,
    EmploymentWithoutTraining,
    Training,
    Neet,
    NotKnown,
    Other,
}

/// <summary>One Year 11 leaver: their destination on 1 November after leaving, now, and whether it was sustained.</summary>
/// <param name="Name">Only for leavers the school may see by name (see <see cref="DestinationsService"/>); null otherwise.</param>
/// <param name="First">Null until 1 November after leaving has come.</param>
/// <param name="Sustained">Null until 31 March after leaving has passed.</param>
public sealed record LeaverDestination(Guid YoungPersonId, string? Name, DestinationKind? First, DestinationKind Now, string? NowDescription, bool? Sustained)
{
    public bool Named => Name is not null;
}

/// <summary>One leaving year's leavers (those in Year 11 in the academic year starting <see cref="Year"/>).</summary>
public sealed record LeavingYearDestinations(int Year, IReadOnlyList<LeaverDestination> Leavers)
{
    public string Label => $"{Year}/{(Year + 1) % 100:00}";

    public int First(DestinationKind kind) => Leavers.Count(l => l.First == kind);

    public int Now(DestinationKind kind) => Leavers.Count(l => l.Now == kind);

    public bool FirstKnown => Leavers.Any(l => l.First is not null);

    public bool SustainedKnown => Leavers.Any(l => l.Sustained is not null);

    public int SustainedCount => Leavers.Count(l => l.Sustained == true);

    public static int Percent(int count, int of) => of == 0 ? 0 : (int)Math.Round(count * 100m / of, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Destinations per leaving year for a school (Gatsby Benchmark 3: accurate destination data for each pupil for three
/// years after Year 11), worked out from tracking: a school's leavers are the young people whose Year 11 activity (NCCIS
/// 110) was recorded at the school, and their destination is their activity as the LA tracks it. The counts cover every
/// leaver; names are shown only for those still in the school's own sixth form or who consented to the school seeing
/// them (<see cref="DestinationSharingConsent"/>), as the guidance expects after 16.
/// </summary>
public class DestinationsService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock)
{
    public const int YearsKept = 3;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The last three leaving years, newest first, for a member of the school's staff.</summary>
    public async Task<IReadOnlyList<LeavingYearDestinations>> ForSchoolAsync(Actor actor, Guid schoolId, CancellationToken cancellationToken = default)
    {
        if (actor.OrganisationId != schoolId || actor.Role is not (WaypointRole.CareersLeader or WaypointRole.SchoolStaff))
        {
            await audit.RecordAsync(actor, AuditActions.AccessDenied, AuditOutcome.Denied, "Organisation", schoolId.ToString(),
                details: new { purpose = "destinations", reason = "not staff of this school" }, cancellationToken: cancellationToken);
            throw new CareersAccessException("Only the school's own staff can see its leavers' destinations.");
        }

        var school = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == schoolId, cancellationToken);
        var today = Today;
        var thisYear = AcademicAge.AcademicYearStart(today);
        var years = await LeaversAsync(actor, school, thisYear, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CareersDestinationsViewed, entityType: "Organisation", entityId: schoolId.ToString(),
            details: new { leavingYears = years.Select(y => y.Label), leavers = years.Sum(y => y.Leavers.Count), named = years.Sum(y => y.Leavers.Count(l => l.Named)) },
            cancellationToken: cancellationToken);
        return years;
    }

    /// <summary>Whether the signed-in young person lets the school where they did Year 11 see their destination.</summary>
    public async Task<bool> SharingAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var id = await access.OwnRecordIdAsync(actor, cancellationToken);
        return await db.DestinationSharingConsents.AnyAsync(c => c.YoungPersonId == id, cancellationToken);
    }

    public async Task SetSharingAsync(Actor actor, bool share, CancellationToken cancellationToken = default)
    {
        var id = await access.OwnRecordIdAsync(actor, cancellationToken);
        var consent = await db.DestinationSharingConsents.SingleOrDefaultAsync(c => c.YoungPersonId == id, cancellationToken);
        if ((consent is not null) == share)
        {
            return;
        }

        if (share)
        {
            db.DestinationSharingConsents.Add(new DestinationSharingConsent { YoungPersonId = id, GivenAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            db.DestinationSharingConsents.Remove(consent!);
        }

        audit.Add(actor, AuditActions.DestinationSharingChanged, entityType: "YoungPerson", entityId: id.ToString(), youngPersonId: id,
            details: new { share });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The kind of destination an activity code is, at a school (210 there is its own sixth form).</summary>
    public static DestinationKind Classify(string? code, string? establishment, string? schoolLaEstab) => code switch
    {
        null or "110" or "150" or "810" or "820" or "830" => DestinationKind.NotKnown,
        "210" when establishment is not null && establishment == schoolLaEstab => DestinationKind.OwnSixthForm,
        "210" or "220" => DestinationKind.SixthFormElsewhere,
        "230" or "250" or "260" or "270" or "280" => DestinationKind.FurtherEducation,
        "240" => DestinationKind.HigherEducation,
        "310" => DestinationKind.Apprenticeship,
        "320" or "340" or "381" or "550" => DestinationKind.EmploymentWithTraining,
        "330" or "350" or "360" or "380" => DestinationKind.EmploymentWithoutTraining,
        "410" or "430" or "440" or "450" or "460" or "530" => DestinationKind.Training,
        _ when ActivityCodes.Neet.Contains(code) => DestinationKind.Neet,
        _ => DestinationKind.Other,
    };

    public static string DisplayName(DestinationKind kind) => kind switch
    {
        DestinationKind.OwnSixthForm => "Our sixth form",
        DestinationKind.SixthFormElsewhere => "Another school sixth form or sixth form college",
        DestinationKind.FurtherEducation => "Further education college or other education",
        DestinationKind.HigherEducation => "Higher education",
        DestinationKind.Apprenticeship => "Apprenticeship",
        DestinationKind.EmploymentWithTraining => "Employment with training",
        DestinationKind.EmploymentWithoutTraining => "Employment without training",
        DestinationKind.Training => "Training or re-engagement",
        DestinationKind.Neet => "Not in education, employment or training",
        DestinationKind.NotKnown => "Not known",
        _ => "Other (custody, moved away, other)",
    };

    /// <summary>
    /// Sustained in the DfE's sense: in education, an apprenticeship, employment or training for the whole of October to
    /// March after leaving; null until March has ended.
    /// </summary>
    public static bool? IsSustained(IReadOnlyList<Activity> activities, int leavingYear, DateOnly today)
    {
        var from = new DateOnly(leavingYear + 1, 10, 1);
        var to = new DateOnly(leavingYear + 2, 3, 31);
        if (today <= to)
        {
            return null;
        }

        var inForce = CurrentActivity.Of(activities.Where(a => a.StartDate <= from));
        var during = activities.Where(a => a.StartDate > from && a.StartDate <= to);
        return inForce is not null && during.Prepend(inForce).All(a => IsParticipating(a.Code));
    }

    private static string Describe(Activity activity, DestinationKind kind)
    {
        var recorded = ActivityCodes.Describe(activity.Code) + (activity.EstablishmentName is null ? "" : $", {activity.EstablishmentName}");
        return kind == DestinationKind.NotKnown ? $"Not known (last recorded: {recorded})" : recorded;
    }

    private static bool IsParticipating(string code) =>
        code != "260" && ActivityCodes.Find(code)?.Group is ActivityGroup.Education or ActivityGroup.Employment or ActivityGroup.Training;

    private async Task<IReadOnlyList<LeavingYearDestinations>> LeaversAsync(Actor actor, Organisation school, int thisYear, CancellationToken cancellationToken)
    {
        var laEstab = school.LaEstab;
        if (laEstab is null)
        {
            return [.. Enumerable.Range(1, YearsKept).Select(back => new LeavingYearDestinations(thisYear - back, []))];
        }

        // Everyone whose Year 11 was recorded at this school and whose Year 11 ended in the last three years: born in the
        // right range for those year groups now (Year 12 to Year 14).
        var (earliest, _) = AcademicAge.DateOfBirthRange(11 + YearsKept, Today);
        var (_, latest) = AcademicAge.DateOfBirthRange(12, Today);
        var people = await (from p in access.Year11LeaversOf(actor, school).AsNoTracking()
                            where p.DateOfBirth >= earliest && p.DateOfBirth <= latest
                            select new
                            {
                                p.Id, p.GivenName, p.PreferredGivenName, p.FamilyName, p.PreferredFamilyName, p.DateOfBirth, p.SchoolId,
                                p.CurrentDueToLapse,
                                Consented = db.DestinationSharingConsents.Any(c => c.YoungPersonId == p.Id),
                            }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var activities = (await db.Activities.AsNoTracking().Where(a => ids.Contains(a.YoungPersonId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.YoungPersonId);
        var today = Today;
        var leavers = people.Select(p =>
        {
            var history = activities[p.Id].ToList();
            var leavingYear = thisYear - (AcademicAge.YearGroup(p.DateOfBirth, today) - 11);
            var firstDate = new DateOnly(leavingYear + 1, 11, 1);
            var atFirst = CurrentActivity.Of(history.Where(a => a.StartDate <= firstDate));
            var now = CurrentActivity.Of(history);
            var nowKind = CurrentActivity.IsNotKnown(now?.Code, p.CurrentDueToLapse, today) ? DestinationKind.NotKnown : Classify(now?.Code, now?.EstablishmentNumber, laEstab);
            var named = p.SchoolId == school.Id || p.Consented;
            return (leavingYear, new LeaverDestination(
                p.Id,
                named ? $"{p.PreferredGivenName ?? p.GivenName} {p.PreferredFamilyName ?? p.FamilyName}" : null,
                today < firstDate ? null : Classify(atFirst?.Code, atFirst?.EstablishmentNumber, laEstab),
                nowKind,
                named && now is not null ? Describe(now, nowKind) : null,
                IsSustained(history, leavingYear, today)));
        }).ToList();

        return [.. Enumerable.Range(1, YearsKept).Select(back => thisYear - back).Select(year => new LeavingYearDestinations(year,
            leavers.Where(l => l.leavingYear == year).Select(l => l.Item2)
                .OrderBy(l => l.Name is null).ThenBy(l => l.Name, StringComparer.Ordinal).ToList()))];
    }
}
