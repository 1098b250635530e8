using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Dashboards;

public sealed record YearGroupCount(int YearGroup, int People, int EhcPlans, int SenSupport);

public sealed record CohortCounts(int Total, int Neet, int NotKnown, int EhcPlans, int SenSupport, IReadOnlyList<YearGroupCount> YearGroups, int OlderWithEhcPlan);

/// <summary>Headline counts for a set of young people the user may see: the figures on each role's home page.</summary>
public class CohortOverview(TimeProvider clock)
{
    public async Task<CohortCounts> CountAsync(IQueryable<YoungPerson> visible, int fromYearGroup, int toYearGroup, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var neetCodes = ActivityCodes.Neet.ToList();
        var notKnownCodes = ActivityCodes.SituationNotKnown.ToList();
        var current = visible.Where(p => p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G);
        var yearGroups = new List<YearGroupCount>();
        for (var year = fromYearGroup; year <= toYearGroup; year++)
        {
            var (earliest, latest) = AcademicAge.DateOfBirthRange(year, today);
            var inYear = current.Where(p => p.DateOfBirth >= earliest && p.DateOfBirth <= latest);
            var counts = (await inYear.GroupBy(_ => 1).Select(g => new
            {
                People = g.Count(),
                Ehc = g.Count(p => p.HasEhcPlan),
                Sen = g.Count(p => p.HasSenSupport),
            }).ToListAsync(cancellationToken)).SingleOrDefault();
            yearGroups.Add(new YearGroupCount(year, counts?.People ?? 0, counts?.Ehc ?? 0, counts?.Sen ?? 0));
        }

        var olderBorn = AcademicAge.DateOfBirthRange(13, today).Earliest;
        var older = await current.CountAsync(p => p.DateOfBirth < olderBorn && p.HasEhcPlan, cancellationToken);
        // Not known includes activities whose currency has lapsed, as in the NCCIS measures and the work list.
        var neet = await current.CountAsync(p => neetCodes.Contains(p.CurrentActivityCode!), cancellationToken);
        var notKnown = await current.CountAsync(p => notKnownCodes.Contains(p.CurrentActivityCode!) || p.CurrentDueToLapse <= today, cancellationToken);
        return new CohortCounts(
            yearGroups.Sum(y => y.People) + older,
            neet,
            notKnown,
            yearGroups.Sum(y => y.EhcPlans),
            yearGroups.Sum(y => y.SenSupport),
            yearGroups,
            older);
    }
}
