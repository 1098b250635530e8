using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Tracking;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis.Reports;

/// <summary>What one snapshot holds once taken.</summary>
public sealed record NccisSnapshotTaken(Guid SnapshotId, string LaCode, DateOnly PeriodEnd, int Rows, bool Replaced);

/// <summary>
/// Takes month-end snapshots: for an LA and period end, each young person of the nccis.md section 6 population as they
/// stood at the period end, worked out from their history (activity started by then, its currency with later
/// verifications ignored, characteristics held then, cohort status from the status changes). Retaking replaces the
/// old snapshot in one transaction, so a report never sees half of one.
/// </summary>
public sealed class NccisSnapshotService(WaypointDbContext db, AuditTrail audit, TimeProvider clock, CurrencyCalculator currency, NccisReportOptions options)
{
    private const int BatchSize = 1000;

    /// <summary>The last day of the month <paramref name="date"/> falls in.</summary>
    public static DateOnly MonthEnd(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1);

    public static bool IsMonthEnd(DateOnly date) => MonthEnd(date) == date;

    /// <summary>The <paramref name="count"/> month ends before <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> MonthEndsBefore(DateOnly today, int count)
    {
        var last = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        return Enumerable.Range(0, Math.Max(0, count)).Select(i => MonthEnd(last.AddMonths(-i))).Reverse().ToList();
    }

    public async Task<NccisSnapshotTaken> TakeAsync(Actor actor, string laCode, DateOnly periodEnd, CancellationToken ct = default) =>
        (await TakeManyAsync(actor, laCode, [periodEnd], ct))[0];

    /// <summary>Takes or retakes several month ends of one LA, reading each young person once.</summary>
    public async Task<IReadOnlyList<NccisSnapshotTaken>> TakeManyAsync(Actor actor, string laCode, IReadOnlyCollection<DateOnly> periodEnds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(periodEnds);
        if (!LaCodes.IsEnglishLa(laCode))
        {
            throw new ArgumentException($"'{laCode}' is not an English LA code.", nameof(laCode));
        }

        if (!actor.IsSystem && (actor.Role?.IsLaWide() != true || actor.LaCode != laCode))
        {
            throw new InvalidOperationException($"Only staff of LA {laCode} with LA-wide access can take its NCCIS snapshots.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ends = periodEnds.Distinct().Order().ToList();
        if (ends.Count == 0)
        {
            return [];
        }

        foreach (var end in ends)
        {
            if (!IsMonthEnd(end))
            {
                throw new ArgumentException($"{Date(end)} is not the last day of a month; NCCIS period ends are month ends.", nameof(periodEnds));
            }

            if (end > today)
            {
                throw new ArgumentException($"{Date(end)} has not happened yet, so it cannot be snapshotted.", nameof(periodEnds));
            }
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var replaced = await db.NccisSnapshots.Where(s => s.LaCode == laCode && ends.Contains(s.PeriodEnd)).Select(s => s.PeriodEnd).ToListAsync(ct);
            await db.NccisSnapshotRows.Where(r => db.NccisSnapshots.Any(s => s.Id == r.SnapshotId && s.LaCode == laCode && ends.Contains(s.PeriodEnd))).ExecuteDeleteAsync(ct);
            await db.NccisSnapshots.Where(s => s.LaCode == laCode && ends.Contains(s.PeriodEnd)).ExecuteDeleteAsync(ct);

            var takenAt = clock.GetUtcNow().UtcDateTime;
            var snapshots = ends.Select(end => new NccisSnapshot { LaCode = laCode, PeriodEnd = end, TakenAt = takenAt, TakenByUserId = actor.UserId }).ToList();
            db.NccisSnapshots.AddRange(snapshots);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var counts = new int[snapshots.Count];
            await foreach (var batch in PeopleAsync(laCode, ends, ct))
            {
                foreach (var person in batch)
                {
                    for (var i = 0; i < snapshots.Count; i++)
                    {
                        if (RowFor(person, snapshots[i].PeriodEnd) is { } row)
                        {
                            row.SnapshotId = snapshots[i].Id;
                            db.NccisSnapshotRows.Add(row);
                            counts[i]++;
                        }
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            var results = new List<NccisSnapshotTaken>();
            for (var i = 0; i < snapshots.Count; i++)
            {
                var snapshot = snapshots[i];
                var rows = counts[i];
                await db.NccisSnapshots.Where(s => s.Id == snapshot.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.RowCount, rows), ct);
                var wasReplaced = replaced.Contains(snapshot.PeriodEnd);
                audit.Add(actor, AuditActions.NccisSnapshotTaken, entityType: nameof(NccisSnapshot), entityId: snapshot.Id.ToString(), details: new
                {
                    laCode,
                    periodEnd = Date(snapshot.PeriodEnd),
                    rows,
                    replaced = wasReplaced,
                });
                results.Add(new NccisSnapshotTaken(snapshot.Id, laCode, snapshot.PeriodEnd, rows, wasReplaced));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return results;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// For the month-end schedule: takes, for every LA with an organisation in Waypoint, the latest month end's snapshot
    /// once <see cref="NccisReportOptions.SnapshotAfterDays"/> have passed, unless it is already there.
    /// </summary>
    public async Task<IReadOnlyList<NccisSnapshotTaken>> TakeDueAsync(Actor actor, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var periodEnd = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        if (today < periodEnd.AddDays(Math.Max(1, options.SnapshotAfterDays)))
        {
            periodEnd = MonthEnd(periodEnd.AddMonths(-1));
        }

        var laCodes = await db.Organisations.Where(o => o.Kind == OrganisationKind.LocalAuthority && o.IsActive).Select(o => o.LaCode).Distinct().ToListAsync(ct);
        var taken = new List<NccisSnapshotTaken>();
        foreach (var laCode in laCodes.Where(LaCodes.IsEnglishLa).Order(StringComparer.Ordinal))
        {
            if (!await db.NccisSnapshots.AnyAsync(s => s.LaCode == laCode && s.PeriodEnd == periodEnd, ct))
            {
                taken.Add(await TakeAsync(actor, laCode, periodEnd, ct));
            }
        }

        return taken;
    }

    /// <summary>The month ends an LA has snapshots for, latest first.</summary>
    public Task<List<DateOnly>> PeriodEndsAsync(string laCode, CancellationToken ct = default) =>
        db.NccisSnapshots.Where(s => s.LaCode == laCode).OrderByDescending(s => s.PeriodEnd).Select(s => s.PeriodEnd).ToListAsync(ct);

    /// <summary>
    /// The row for one young person at one period end, or null when they are outside the section 6 population then:
    /// academic age 15 (Year 11), 16-17, or 18-24 with an EHC plan; status P or G, or a leaver in that month.
    /// </summary>
    public NccisSnapshotRow? RowFor(YoungPerson person, DateOnly periodEnd)
    {
        ArgumentNullException.ThrowIfNull(person);
        var age = AcademicAge.Of(person.DateOfBirth, periodEnd);
        if (age < 15 || age > 24 || (age >= 18 && !person.HasEhcPlan))
        {
            return null;
        }

        var (status, changedOn) = StatusAt(person, periodEnd);
        var leftThisMonth = changedOn is { } on && on.Year == periodEnd.Year && on.Month == periodEnd.Month;
        if (status is not (CohortStatus.P or CohortStatus.G) && !leftThisMonth)
        {
            return null;
        }

        var activity = CurrentActivity.Of(person.Activities.Where(a => a.StartDate <= periodEnd));
        DateOnly? due = null;
        if (activity is not null)
        {
            var verified = activity.DateVerified <= periodEnd ? activity.DateVerified : null;
            due = currency.DueToLapseDate(activity.Code, activity.DateAscertained, verified, activity.ReviewDate, activity.PredictedEndDate);
        }

        var academicYear = AcademicAge.AcademicYearStart(periodEnd);
        string? Guarantee(int yearGroup) => person.SeptemberGuarantee
            .Where(o => o.AcademicYear == academicYear && o.YearGroup == yearGroup)
            .OrderByDescending(o => o.RecordedOn).Select(o => o.StatusCode).FirstOrDefault();

        return new NccisSnapshotRow
        {
            YoungPersonId = person.Id,
            AcademicAge = age,
            CohortStatus = status,
            ActivityCode = activity?.Code,
            ActivityStartDate = activity?.StartDate,
            DueToLapseDate = due,
            CurrencyLapsed = CurrencyCalculator.IsLapsed(due, periodEnd),
            HasEhcPlan = person.HasEhcPlan,
            HasSenSupport = person.HasSenSupport && !person.HasEhcPlan,
            Gender = person.Gender,
            EthnicityCode = person.EthnicityCode,
            CharacteristicCodes = string.Join(',', person.Characteristics
                .Where(c => c.StartDate <= periodEnd && (c.EndDate == null || c.EndDate >= periodEnd))
                .Select(c => c.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            SchoolId = person.SchoolId,
            PostcodeDistrict = person.PostcodeDistrict,
            GuaranteeYear11Code = Guarantee(11),
            GuaranteeYear12Code = Guarantee(12),
        };
    }

    /// <summary>Cohort status at a date and when it last changed on or before it (<see cref="CohortStatusHistory"/>).</summary>
    public static (CohortStatus Status, DateOnly? ChangedOn) StatusAt(YoungPerson person, DateOnly date) => CohortStatusHistory.At(person, date);

    private async IAsyncEnumerable<List<YoungPerson>> PeopleAsync(string laCode, List<DateOnly> ends, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // Born early enough to be academic age 15 at the latest period end and late enough to be 24 at the earliest.
        var (_, youngestBorn) = AcademicAge.DateOfBirthRange(11, ends[^1]);
        var (oldestBorn, _) = AcademicAge.DateOfBirthRange(20, ends[0]);
        var lastEnd = ends[^1];
        var academicYears = ends.Select(AcademicAge.AcademicYearStart).Distinct().ToList();
        string? after = null;
        while (true)
        {
            var query = db.YoungPeople.Where(p => p.LeadLaCode == laCode && p.DateOfBirth >= oldestBorn && p.DateOfBirth <= youngestBorn);
            if (after is not null)
            {
                query = query.Where(p => string.Compare(p.LocalId, after) > 0);
            }

            var batch = await query.OrderBy(p => p.LocalId).Take(BatchSize)
                .Include(p => p.Activities.Where(a => a.StartDate <= lastEnd))
                .Include(p => p.Characteristics)
                .Include(p => p.SeptemberGuarantee.Where(o => academicYears.Contains(o.AcademicYear)))
                .Include(p => p.CohortStatusChanges)
                .AsSplitQuery()
                .AsNoTracking()
                .ToListAsync(ct);
            if (batch.Count > 0)
            {
                yield return batch;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch[^1].LocalId;
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
