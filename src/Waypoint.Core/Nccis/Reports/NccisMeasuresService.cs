using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Data;

namespace Waypoint.Core.Nccis.Reports;

/// <summary>The headline average: December, January and February month ends, each null when its snapshot is missing.</summary>
public sealed record WinterAverage(IReadOnlyList<DateOnly> Months, IReadOnlyList<MeasureCounts?> Counts)
{
    public IReadOnlyList<DateOnly> Missing => Months.Where((_, i) => Counts[i] is null).ToList();
    public AverageMeasures? Average => Missing.Count == 0 ? AverageMeasures.Of(Counts.OfType<MeasureCounts>().ToList()) : null;
}

public sealed record MarchParticipation(DateOnly PeriodEnd, ParticipationCounts? Counts);

public sealed record GuaranteeFigures(GuaranteeCounts Year11, GuaranteeCounts Year12, GuaranteeCounts Both);

public sealed record MonthMeasures(DateOnly PeriodEnd, MeasureCounts Counts);

/// <summary>Everything the dashboard shows for one LA and month end, from stored snapshots only.</summary>
public sealed record NccisMeasuresReport(
    string LaCode,
    DateOnly PeriodEnd,
    DateTime TakenAt,
    MeasureCounts Month,
    IReadOnlyList<MonthMeasures> Trend,
    WinterAverage Winter,
    MarchParticipation March,
    GuaranteeFigures Guarantee,
    IReadOnlyDictionary<SplitKind, IReadOnlyList<SplitGroup>> Splits);

/// <summary>Builds <see cref="NccisMeasuresReport"/> from the month-end snapshots and writes it as CSV.</summary>
public sealed class NccisMeasuresService(WaypointDbContext db, NccisMeasures measures)
{
    public const int TrendMonths = 12;

    /// <summary>The Dec, Jan and Feb month ends of the latest winter complete by <paramref name="periodEnd"/>.</summary>
    public static IReadOnlyList<DateOnly> WinterMonths(DateOnly periodEnd)
    {
        var year = periodEnd.Month >= 2 ? periodEnd.Year : periodEnd.Year - 1;
        return [new DateOnly(year - 1, 12, 31), new DateOnly(year, 1, 31), NccisSnapshotService.MonthEnd(new DateOnly(year, 2, 1))];
    }

    /// <summary>The end of the latest March on or before <paramref name="periodEnd"/>.</summary>
    public static DateOnly MarchEnd(DateOnly periodEnd) => new(periodEnd.Month >= 3 ? periodEnd.Year : periodEnd.Year - 1, 3, 31);

    /// <summary>Null when the LA has no snapshot for the period end.</summary>
    public async Task<NccisMeasuresReport?> BuildAsync(string laCode, DateOnly periodEnd, CancellationToken ct = default)
    {
        var snapshot = await db.NccisSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.LaCode == laCode && s.PeriodEnd == periodEnd, ct);
        if (snapshot is null)
        {
            return null;
        }

        var rows = await db.NccisSnapshotRows.AsNoTracking().Where(r => r.SnapshotId == snapshot.Id).ToListAsync(ct);
        var trendEnds = await db.NccisSnapshots.Where(s => s.LaCode == laCode && s.PeriodEnd <= periodEnd)
            .OrderByDescending(s => s.PeriodEnd).Take(TrendMonths).Select(s => s.PeriodEnd).ToListAsync(ct);
        var winter = WinterMonths(periodEnd);
        var march = MarchEnd(periodEnd);
        var monthly = await CountAsync(laCode, trendEnds.Concat(winter).Distinct().ToList(), ct);
        var marchRows = await CohortRowsAsync(laCode, march, ct);

        var schoolIds = rows.Select(r => r.SchoolId).OfType<Guid>().Distinct().ToList();
        var schoolNames = await db.Organisations.Where(o => schoolIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        return new NccisMeasuresReport(
            laCode,
            periodEnd,
            snapshot.TakenAt,
            measures.Count(rows),
            trendEnds.Order().Select(e => new MonthMeasures(e, monthly[e])).ToList(),
            new WinterAverage(winter, winter.Select(m => monthly.GetValueOrDefault(m)).ToList()),
            new MarchParticipation(march, marchRows is null ? null : measures.CountParticipation(marchRows)),
            new GuaranteeFigures(NccisMeasures.CountGuarantee(rows, 11), NccisMeasures.CountGuarantee(rows, 12), NccisMeasures.CountGuarantee(rows)),
            Enum.GetValues<SplitKind>().ToDictionary(k => k, k => measures.Split(rows, k, schoolNames)));
    }

    /// <summary>
    /// Cohort, NEET and not known of each period end that has a snapshot, counted in the database with the same
    /// expressions <see cref="NccisMeasures"/> uses in memory, so a year of months never has to be loaded.
    /// </summary>
    public async Task<Dictionary<DateOnly, MeasureCounts>> CountAsync(string laCode, IReadOnlyCollection<DateOnly> ends, CancellationToken ct = default)
    {
        var snapshots = await db.NccisSnapshots.Where(s => s.LaCode == laCode && ends.Contains(s.PeriodEnd)).ToDictionaryAsync(s => s.Id, s => s.PeriodEnd, ct);
        var ids = snapshots.Keys.ToList();
        var cohort = db.NccisSnapshotRows.Where(r => ids.Contains(r.SnapshotId)).Where(NccisMeasures.InCohortExpression);
        async Task<Dictionary<Guid, int>> CountBySnapshot(IQueryable<NccisSnapshotRow> rows) =>
            await rows.GroupBy(r => r.SnapshotId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var total = await CountBySnapshot(cohort);
        var neet = await CountBySnapshot(cohort.Where(measures.NeetExpression));
        var notKnown = await CountBySnapshot(cohort.Where(measures.NotKnownExpression));
        return snapshots.ToDictionary(s => s.Value, s => new MeasureCounts(total.GetValueOrDefault(s.Key), neet.GetValueOrDefault(s.Key), notKnown.GetValueOrDefault(s.Key)));
    }

    /// <summary>The 16-17 primary cohort rows of one period end, or null when it has no snapshot.</summary>
    private async Task<List<NccisSnapshotRow>?> CohortRowsAsync(string laCode, DateOnly periodEnd, CancellationToken ct)
    {
        var snapshot = await db.NccisSnapshots.Where(s => s.LaCode == laCode && s.PeriodEnd == periodEnd).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct);
        return snapshot is null ? null : await db.NccisSnapshotRows.AsNoTracking().Where(r => r.SnapshotId == snapshot).Where(NccisMeasures.InCohortExpression).ToListAsync(ct);
    }

    /// <summary>The report as one long table: measure, period end, split, group, numerator, denominator, percent.</summary>
    public static string ToCsv(NccisMeasuresReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        void Line(string measure, string period, string split, string group, string numerator, string denominator, decimal? percent) =>
            csv.Append(Csv.Line([measure, period, split, group, numerator, denominator, Csv.Number(percent, 2)])).Append("\r\n");
        void Counts(string period, string split, string group, MeasureCounts c)
        {
            Line("Cohort (academic age 16-17, excluding custody)", period, split, group, Int(c.Cohort), "", null);
            Line("NEET", period, split, group, Int(c.Neet), Int(c.Cohort), c.NeetPercent);
            Line("Not known", period, split, group, Int(c.NotKnown), Int(c.Cohort), c.NotKnownPercent);
            Line("NEET or not known", period, split, group, Int(c.NeetOrNotKnown), Int(c.Cohort), c.NeetOrNotKnownPercent);
        }

        csv.Append(Csv.Line(["measure", "period_end", "split", "group", "numerator", "denominator", "percent"])).Append("\r\n");
        foreach (var month in report.Trend)
        {
            Counts(Csv.Date(month.PeriodEnd), "All", "All", month.Counts);
        }

        if (report.Winter.Average is { } average)
        {
            var period = $"{Csv.Date(report.Winter.Months[0])} to {Csv.Date(report.Winter.Months[^1])}";
            Line("Cohort, average of December, January and February", period, "All", "All", Dec(average.Cohort), "", null);
            Line("NEET, average of December, January and February", period, "All", "All", Dec(average.Neet), Dec(average.Cohort), average.NeetPercent);
            Line("Not known, average of December, January and February", period, "All", "All", Dec(average.NotKnown), Dec(average.Cohort), average.NotKnownPercent);
            Line("NEET or not known, average of December, January and February", period, "All", "All", Dec(average.NeetOrNotKnown), Dec(average.Cohort), average.NeetOrNotKnownPercent);
        }

        if (report.March.Counts is { } march)
        {
            var period = Csv.Date(report.March.PeriodEnd);
            Line("Participating in education and training", period, "All", "All", Int(march.Participating), Int(march.Cohort), march.Percent);
            foreach (var type in Enum.GetValues<ParticipationType>())
            {
                Line($"Participating: {NccisMeasures.Label(type)}", period, "All", "All", Int(march.ByType.GetValueOrDefault(type)), Int(march.Cohort), march.PercentOf(type));
            }
        }

        foreach (var (name, counts) in new[] { ("Year 11", report.Guarantee.Year11), ("Year 12", report.Guarantee.Year12), ("Years 11 and 12", report.Guarantee.Both) })
        {
            foreach (var category in Enum.GetValues<GuaranteeCategory>())
            {
                Line($"September Guarantee: {NccisMeasures.Label(category)}", Csv.Date(report.PeriodEnd), "Year group", name, Int(counts.Count(category)), Int(counts.Cohort), counts.Percent(category));
            }
        }

        foreach (var (kind, groups) in report.Splits)
        {
            foreach (var group in groups)
            {
                Counts(Csv.Date(report.PeriodEnd), NccisMeasures.Label(kind), group.Label, group.Counts);
            }
        }

        return csv.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Dec(decimal value) => Csv.Number(value, 2);
}
