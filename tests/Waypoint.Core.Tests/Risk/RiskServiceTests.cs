using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;
using Waypoint.Core.Organisations;
using Waypoint.Core.Risk;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Risk;

public class RiskServiceTests
{
    private const string La = "947";

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RecomputeDue_OnNewDataOnScheduleAndNextTerm_RecomputesWithTrend(DatabaseProvider provider)
    {
        // Arrange
        var database = await TestDatabases.CreateMigratedAsync(provider, "risk_recompute");
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(database, clock);
        var data = new TestData(services, clock);
        await data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, La);
        var pupil = await data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = La;
            p.Census = new PupilCensusData { YoungPersonId = p.Id, AttendancePercent = 84m, FreeSchoolMeals = true, AsOf = data.Today };
        }, yearGroup: 9);
        var system = Actor.System("test schedule");
        var week = TimeSpan.FromDays(7);
        async Task<IReadOnlyList<RecomputeResult>> DueAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RiskService>().RecomputeDueAsync(system, week);
        }

        // Act and assert: first run scores; a second finds nothing due.
        var first = await DueAsync();
        Assert.Equal(La, Assert.Single(first).LaCode);
        Assert.Empty(await DueAsync());

        // New data: a committed import after the last scores.
        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = database.CreateContext())
        {
            db.DataImports.Add(new DataImport { Kind = ImportKind.Roll, FileName = "roll.csv", FileSha256 = new string('a', 64), LaCode = La, Status = DataImportStatus.Committed, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(await DueAsync());
        Assert.Empty(await DueAsync());

        // The schedule: older than a week.
        clock.Advance(TimeSpan.FromDays(8));
        Assert.Single(await DueAsync());

        // Next term, with better attendance: a new row, trend from the last term's points.
        await using (var db = database.CreateContext())
        {
            var census = await db.PupilCensus.SingleAsync(c => c.YoungPersonId == pupil.Id);
            census.AttendancePercent = 95m;
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromDays(40));
        Assert.Single(await DueAsync());
        await using var check = database.CreateContext();
        var scores = await check.RiskScores.Where(s => s.YoungPersonId == pupil.Id).OrderBy(s => s.TermStart).ToListAsync();
        Assert.Equal([new DateOnly(2026, 9, 1), new DateOnly(2027, 1, 1)], scores.Select(s => s.TermStart));
        Assert.Equal(4, scores[0].Points);
        Assert.Equal(RiskBand.SubstantialSupport, scores[0].Band);
        Assert.Equal(2, scores[1].Points);
        Assert.Equal(4, scores[1].PreviousPoints);
        Assert.Equal("free school meals (2 points)", scores[1].Reasons);
        Assert.Equal(1, scores[1].IndicatorSetVersion);
        Assert.Equal(4, await check.AuditEvents.CountAsync(e => e.Action == Audit.AuditActions.RiskScoresComputed));
    }
}
