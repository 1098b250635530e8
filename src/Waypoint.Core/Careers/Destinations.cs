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

    /// <summary>The leaver has not agreed to the school seeing their destination (and is not in its sixth form).</summary>
    NotShared,
}

/// <summary>
/// One Year 11 leaver: their destination on 1 November after leaving, now, and whether it was sustained. A leaver who has
/// not shared their destination is <see cref="DestinationKind.NotShared"/> throughout, with no name.
/// </summary>
/// <param name="Name">Only for leavers the school may see (see <see cref="DestinationsService"/>); null otherwise.</param>
/// <param name="First">Null until 1 November after leaving has come.</param>
/// <param name="Sustained">Null until 31 March after leaving has passed, and for a leaver who has not shared.</param>
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

    /// <summary>Leavers the school may follow: in its sixth form or consented.</summary>
    public int Shared => Leavers.Count(l => l.Named);

    public static int Percent(int count, int of) => of == 0 ? 0 : (int)Math.Round(count * 100m / of, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Destinations per leaving year for a school (Gatsby Benchmark 3: accurate destination data for each pupil for three
/// years after Year 11), worked out from tracking: a school's leavers are the young people whose activity at the end of
/// Year 11 (31 July) was NCCIS 110, registered at the school, and their destination is their activity as the LA tracks
/// it. After 16 a school may follow a leaver only with their consent (<see cref="DestinationSharingConsent"/>) or while
/// they are in its own sixth form, so every other leaver is counted as "not shared" and nothing more: counts of all
/// leavers beside the named ones would let the school work out the rest. Each leaver shown is audited.
/// </summary>
public class DestinationsService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock, TrackingOptions tracking)
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
        DestinationKind.NotShared => "Not shared with the school (no consent)",
        _ => "Other (custody, moved away, other)",
    };

    /// <summary>
    /// Sustained in the DfE's sense: in education, an apprenticeship, employment or training for the whole of October to
    /// March after leaving; null until March has ended. Each activity has to last, unlapsed, until the next one starts (or
    /// to the end of March): a college place nobody confirmed after September does not show it was sustained.
    /// </summary>
    public static bool? IsSustained(IReadOnlyList<Activity> activities, int leavingYear, DateOnly today)
    {
        var from = new DateOnly(leavingYear + 1, 10, 1);
        var to = new DateOnly(leavingYear + 2, 3, 31);
        if (today <= to)
        {
            return null;
        }

        // The activities in force in turn: the one at 1 October, then each later start (the last recorded on a start date).
        var inForce = CurrentActivity.Of(activities.Where(a => a.StartDate <= from));
        if (inForce is null)
        {
            return false;
        }

        var chain = activities.Where(a => a.StartDate > from && a.StartDate <= to)
            .GroupBy(a => a.StartDate).OrderBy(g => g.Key).Select(g => CurrentActivity.Of(g)!)
            .Prepend(inForce).ToList();
        for (var i = 0; i < chain.Count; i++)
        {
            var until = i + 1 < chain.Count ? chain[i + 1].StartDate : to;
            if (!IsParticipating(chain[i].Code) || chain[i].DueToLapseDate is { } lapses && lapses < until)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The activity in force on a date, or null when none was, or when it had lapsed by then.</summary>
    private static Activity? InForce(IEnumerable<Activity> history, DateOnly on, out bool lapsed)
    {
        var activity = CurrentActivity.Of(history.Where(a => a.StartDate <= on));
        lapsed = activity?.DueToLapseDate is { } lapses && lapses < on;
        return activity;
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
                                p.LeadLaCode,
                                p.LocalId,
                                p.CohortStatus,
                                p.PreviousYoungPersonsId,
                                p.TransferredToLaCode,
                                Consented = db.DestinationSharingConsents.Any(c => c.YoungPersonId == p.Id),
                            }).ToListAsync(cancellationToken);

        // A young person who moved to another LA kept here has two records: the one left behind (status T) and the
        // receiving LA's, which carries the Year 11 history on (its PreviousYoungPersonsId is the first one's ID). They
        // are one leaver, followed on the receiving record, where their destination is now kept.
        // Consent is kept per record, and the young person may have given it on the record left behind (their account
        // still points there), so either record's consent counts for the pair.
        var carriedOn = people.Where(p => p.PreviousYoungPersonsId is not null).Select(p => (p.PreviousYoungPersonsId!, p.LeadLaCode)).ToHashSet();
        var leftBehind = people.Where(p => p is { CohortStatus: CohortStatus.T, TransferredToLaCode: not null })
            .Select(p => (Record: p, Key: (TransferService.YoungPersonsIdFor(tracking.NccisDatabaseId, p.LeadLaCode, p.LocalId), p.TransferredToLaCode!)))
            .Where(l => carriedOn.Contains(l.Key))
            .ToList();
        var consentedBefore = leftBehind.Where(l => l.Record.Consented).Select(l => l.Key).ToHashSet();
        var dropped = leftBehind.Select(l => l.Record.Id).ToHashSet();
        people = [.. people
            .Where(p => !dropped.Contains(p.Id))
            .Select(p => !p.Consented && p.PreviousYoungPersonsId is { } previous && consentedBefore.Contains((previous, p.LeadLaCode)) ? p with { Consented = true } : p)];
        var ids = people.Select(p => p.Id).ToList();
        var activities = (await db.Activities.AsNoTracking().Where(a => ids.Contains(a.YoungPersonId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.YoungPersonId);
        var today = Today;
        var leavers = new List<(int Year, LeaverDestination Leaver)>();
        foreach (var p in people)
        {
            var history = activities[p.Id].ToList();
            var leavingYear = thisYear - (AcademicAge.YearGroup(p.DateOfBirth, today) - 11);

            // Registered here at the end of Year 11, not merely at some time (a roll records 110 from Year 7).
            var endOfYear11 = InForce(history, new DateOnly(leavingYear + 1, 7, 31), out _);
            if (endOfYear11 is not { Code: "110" } || endOfYear11.EstablishmentNumber != laEstab)
            {
                continue;
            }

            if (p.SchoolId != school.Id && !p.Consented)
            {
                leavers.Add((leavingYear, new LeaverDestination(p.Id, null, DestinationKind.NotShared, DestinationKind.NotShared, null, null)));
                continue;
            }

            var firstDate = new DateOnly(leavingYear + 1, 11, 1);
            var atFirst = InForce(history, firstDate, out var lapsedAtFirst);
            var now = CurrentActivity.Of(history);
            var nowKind = CurrentActivity.IsNotKnown(now?.Code, p.CurrentDueToLapse, today) ? DestinationKind.NotKnown : Classify(now?.Code, now?.EstablishmentNumber, laEstab);
            leavers.Add((leavingYear, new LeaverDestination(
                p.Id,
                $"{p.PreferredGivenName ?? p.GivenName} {p.PreferredFamilyName ?? p.FamilyName}",
                today < firstDate ? null : lapsedAtFirst ? DestinationKind.NotKnown : Classify(atFirst?.Code, atFirst?.EstablishmentNumber, laEstab),
                nowKind,
                now is null ? null : Describe(now, nowKind),
                IsSustained(history, leavingYear, today))));
        }

        foreach (var (_, leaver) in leavers.Where(l => l.Leaver.Named))
        {
            audit.Add(actor, AuditActions.CareersDestinationSeen, entityType: "YoungPerson", entityId: leaver.YoungPersonId.ToString(),
                youngPersonId: leaver.YoungPersonId, details: new { school = school.Id });
        }

        return [.. Enumerable.Range(1, YearsKept).Select(back => thisYear - back).Select(year => new LeavingYearDestinations(year,
            leavers.Where(l => l.Year == year).Select(l => l.Leaver)
                .OrderBy(l => l.Name is null).ThenBy(l => l.Name, StringComparer.Ordinal).ToList()))];
    }
}
