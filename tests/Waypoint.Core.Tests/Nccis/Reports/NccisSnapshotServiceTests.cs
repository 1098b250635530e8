using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using static Waypoint.Core.Tests.Nccis.Reports.ReportsWorld;

namespace Waypoint.Core.Tests.Nccis.Reports;

public class NccisSnapshotServiceTests
{
    private static readonly DateOnly October = new(2026, 10, 31);
    private static readonly DateOnly Seventeen = new(2009, 3, 1);

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Take_PersonWithHistory_RowIsAsAtThePeriodEnd(DatabaseProvider provider)
    {
        // Arrange: by 31 October the college place (verified 2 November, after it) and the looked-after characteristic
        // held then count; the NEET spell from 5 November, the characteristic from 1 November and the one ended in
        // September do not.
        await using var world = await CreateAsync(provider, "snapshot_history");
        var person = await world.PersonAsync(Seventeen, p =>
        {
            p.HasSenSupport = true;
            p.PostcodeDistrict = "OX4";
            p.Characteristics.Add(new Characteristic { Code = "110", StartDate = new(2020, 1, 1) });
            p.Characteristics.Add(new Characteristic { Code = "170", StartDate = new(2025, 1, 1), EndDate = new(2026, 9, 30) });
            p.Characteristics.Add(new Characteristic { Code = "180", StartDate = new(2026, 11, 1) });
            p.SeptemberGuarantee.Add(new SeptemberGuaranteeOffer { AcademicYear = 2026, YearGroup = 12, StatusCode = "114", LaCode = "931", RecordedOn = new(2026, 10, 1) });
        },
            Activity("230", new(2025, 9, 1), verified: new(2026, 11, 2)),
            Activity("619", new(2026, 11, 5)));

        // Act
        var taken = await world.SnapshotAsync(October);
        var row = Assert.Single(await world.RowsAsync(October));

        // Assert: 230 last confirmed on 1 September 2025 lapsed on 31 August 2026; the November verification is ignored.
        Assert.Equal(1, taken[0].Rows);
        Assert.Equal(person.Id, row.YoungPersonId);
        Assert.Equal(17, row.AcademicAge);
        Assert.Equal("230", row.ActivityCode);
        Assert.Equal(new DateOnly(2026, 8, 31), row.DueToLapseDate);
        Assert.True(row.CurrencyLapsed);
        Assert.Equal("110", row.CharacteristicCodes);
        Assert.True(row.HasSenSupport);
        Assert.Equal("OX4", row.PostcodeDistrict);
        Assert.Equal("114", row.GuaranteeYear12Code);
        Assert.Null(row.GuaranteeYear11Code);
        Assert.Equal(CohortStatus.P, row.CohortStatus);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Take_Again_ReplacesTheSnapshotAndAuditsBoth(DatabaseProvider provider)
    {
        // Arrange
        await using var world = await CreateAsync(provider, "snapshot_retake");
        var person = await world.PersonAsync(Seventeen, Activity("230", new(2026, 9, 1)));
        await world.SnapshotAsync(October);
        await using (var scope = world.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.Activities.Add(new Activity { YoungPersonId = person.Id, Code = "619", StartDate = new(2026, 10, 20), DateAscertained = new(2026, 11, 2), NeetStartDate = new(2026, 10, 20), Source = "Late news", RecordedAt = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }

        // Act
        var retaken = await world.SnapshotAsync(October);

        // Assert
        Assert.True(retaken[0].Replaced);
        var row = Assert.Single(await world.RowsAsync(October));
        Assert.Equal("619", row.ActivityCode);
        await using var check = world.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var snapshot = await checkDb.NccisSnapshots.SingleAsync();
        Assert.Equal(1, snapshot.RowCount);
        Assert.Equal(world.Officer.UserId, snapshot.TakenByUserId);
        Assert.Equal(1, await checkDb.NccisSnapshotRows.CountAsync());
        var audits = await checkDb.AuditEvents.Where(e => e.Action == AuditActions.NccisSnapshotTaken).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Contains("\"replaced\":false", audits[0].Details, StringComparison.Ordinal);
        Assert.Contains("\"replaced\":true", audits[1].Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Take_Population_SectionSixAgesAndStatusesOnly(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, "snapshot_population");
        var yearEleven = await world.PersonAsync(new(2011, 1, 1));
        var yearTen = await world.PersonAsync(new(2012, 1, 1));
        var twentyWithPlan = await world.PersonAsync(new(2006, 1, 1), p => p.HasEhcPlan = true);
        var twentyWithout = await world.PersonAsync(new(2006, 1, 1));
        var otherLa = await world.PersonAsync(Seventeen, p => p.LeadLaCode = "330");
        var leftInSeptember = await world.PersonAsync(Seventeen, p => { p.CohortStatus = CohortStatus.E; p.CohortStatusChangedOn = new(2026, 9, 15); p.TransferredToLaCode = "001"; });
        var leftAfter = await world.PersonAsync(Seventeen, p => { p.CohortStatus = CohortStatus.T; p.CohortStatusChangedOn = new(2026, 11, 10); p.TransferredToLaCode = "330"; });

        await world.SnapshotAsync(October);
        var rows = await world.RowsAsync(October);

        Assert.Equal(new[] { yearEleven.Id, twentyWithPlan.Id, leftAfter.Id }.Order(), rows.Select(r => r.YoungPersonId).Order());
        Assert.Equal(CohortStatus.P, rows.Single(r => r.YoungPersonId == leftAfter.Id).CohortStatus);
        Assert.DoesNotContain(rows, r => r.YoungPersonId == yearTen.Id || r.YoungPersonId == twentyWithout.Id || r.YoungPersonId == otherLa.Id || r.YoungPersonId == leftInSeptember.Id);
        Assert.Null(rows.Single(r => r.YoungPersonId == yearEleven.Id).ActivityCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Take_NotAMonthEndOrInTheFutureOrSchoolStaff_Refused(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, "snapshot_refused");
        await using var scope = world.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<NccisSnapshotService>();
        var school = new Actor(Guid.NewGuid(), "school", WaypointRole.SchoolStaff, Guid.NewGuid(), "931", null);

        var notMonthEnd = await Record.ExceptionAsync(() => service.TakeAsync(world.Officer, "931", new(2026, 10, 30)));
        var future = await Record.ExceptionAsync(() => service.TakeAsync(world.Officer, "931", new(2026, 11, 30)));
        var otherLa = await Record.ExceptionAsync(() => service.TakeAsync(world.Officer, "330", October));
        var staff = await Record.ExceptionAsync(() => service.TakeAsync(school, "931", October));

        Assert.IsType<ArgumentException>(notMonthEnd);
        Assert.IsType<ArgumentException>(future);
        Assert.IsType<InvalidOperationException>(otherLa);
        Assert.IsType<InvalidOperationException>(staff);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<WaypointDbContext>().NccisSnapshots.ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TakeDue_AfterMonthEnd_TakesLastMonthOnceForEachLa(DatabaseProvider provider)
    {
        // The clock is 23 November 2026: October's snapshot is due.
        await using var world = await CreateAsync(provider, "snapshot_due");
        await world.PersonAsync(Seventeen, Activity("230", new(2026, 9, 1)));
        await using var scope = world.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<NccisSnapshotService>();

        var first = await service.TakeDueAsync(Actor.System("test schedule"));
        var second = await service.TakeDueAsync(Actor.System("test schedule"));

        var taken = Assert.Single(first);
        Assert.Equal(("931", October, 1), (taken.LaCode, taken.PeriodEnd, taken.Rows));
        Assert.Empty(second);
    }

    [Theory]
    [InlineData("2026-11-23", 3, "2026-08-31,2026-09-30,2026-10-31")]
    [InlineData("2026-03-01", 2, "2026-01-31,2026-02-28")]
    public void MonthEndsBefore_Today_TheCompletedMonthEnds(string today, int count, string expected) =>
        Assert.Equal(expected, string.Join(',', NccisSnapshotService.MonthEndsBefore(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), count).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
}
