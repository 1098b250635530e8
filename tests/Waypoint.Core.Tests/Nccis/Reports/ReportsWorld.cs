using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis.Reports;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Nccis.Reports;

/// <summary>A fresh database with LA 931, a tracking officer and the report services; the clock is Monday 23 November 2026.</summary>
internal sealed record ReportsWorld(ServiceProvider Services, TestData Data, FakeTimeProvider Clock, Actor Officer) : IAsyncDisposable
{
    public static async Task<ReportsWorld> CreateAsync(DatabaseProvider provider, string name)
    {
        var clock = TestClock.Create();
        var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, name), clock);
        var data = new TestData(services, clock);
        var la = await data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var officer = await data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        return new ReportsWorld(services, data, clock, new Actor(officer.Id, officer.Email!, WaypointRole.TrackingOfficer, la.Id, "931", null));
    }

    public async Task<IReadOnlyList<NccisSnapshotTaken>> SnapshotAsync(params DateOnly[] periodEnds)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NccisSnapshotService>().TakeManyAsync(Officer, "931", periodEnds);
    }

    public async Task<NccisMeasuresReport> ReportAsync(DateOnly periodEnd)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NccisMeasuresService>().BuildAsync("931", periodEnd)
            ?? throw new InvalidOperationException($"No snapshot for {periodEnd}.");
    }

    public async Task<List<NccisSnapshotRow>> RowsAsync(DateOnly periodEnd)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var snapshot = db.NccisSnapshots.Single(s => s.LaCode == "931" && s.PeriodEnd == periodEnd);
        return [.. db.NccisSnapshotRows.Where(r => r.SnapshotId == snapshot.Id)];
    }

    /// <summary>A young person of LA 931 born on <paramref name="born"/> with the given activity history.</summary>
    public Task<YoungPerson> PersonAsync(DateOnly born, params Activity[] activities) => PersonAsync(born, _ => { }, activities);

    public Task<YoungPerson> PersonAsync(DateOnly born, Action<YoungPerson> configure, params Activity[] activities) =>
        Data.CreateYoungPersonAsync(p =>
        {
            p.DateOfBirth = born;
            p.HasEhcPlan = false;
            p.HasSenSupport = false;
            p.Activities.AddRange(activities);
            configure(p);
        });

    public static Activity Activity(string code, DateOnly start, DateOnly? verified = null, DateOnly? review = null) => new()
    {
        Code = code,
        StartDate = start,
        DateAscertained = start,
        DateVerified = verified,
        ReviewDate = review,
        NeetStartDate = Waypoint.Core.Nccis.ActivityCodes.Neet.Contains(code) ? start : null,
        Source = "Test",
        RecordedAt = start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
    };

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
