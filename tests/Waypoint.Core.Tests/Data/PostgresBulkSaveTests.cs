using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Data;

public class PostgresBulkSaveTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveChangesInBulk_AddedAndModifiedRows_WritesThemAndGivesTheChangedPersonANewVersion(DatabaseProvider provider)
    {
        // Arrange
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "bulk_save"), clock);
        var held = await new TestData(services, clock).CreateYoungPersonAsync();
        var activityId = Guid.Empty;

        // Act
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var person = await db.YoungPeople.SingleAsync(p => p.Id == held.Id);
            person.GivenName = "Renamed";
            person.Postcode = null;
            var activity = new Activity { YoungPersonId = person.Id, Code = "110", StartDate = new DateOnly(2026, 9, 4), DateAscertained = new DateOnly(2026, 9, 4), Source = "School roll import: test", RecordedAt = DateTime.UtcNow };
            activityId = activity.Id;
            db.Activities.Add(activity);
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Add(Actor.System("test"), AuditActions.YoungPersonImported, youngPersonId: person.Id, details: new { row = 2 });
            await db.SaveChangesInBulkAsync();
            await transaction.CommitAsync();
        }

        // Assert
        await using var check = services.CreateAsyncScope();
        var saved = await check.ServiceProvider.GetRequiredService<WaypointDbContext>().YoungPeople.AsNoTracking().Include(p => p.Activities).SingleAsync(p => p.Id == held.Id);
        Assert.Equal("Renamed", saved.GivenName);
        Assert.Null(saved.Postcode);
        Assert.NotEqual(held.Version, saved.Version);
        Assert.Contains(saved.Activities, a => a.Id == activityId && a.Code == "110");
        var audit = await check.ServiceProvider.GetRequiredService<WaypointDbContext>().AuditEvents.AsNoTracking().SingleAsync(a => a.YoungPersonId == held.Id && a.Action == AuditActions.YoungPersonImported);
        Assert.True(audit.Id > 0);
        Assert.Contains("\"row\":2", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveChangesInBulk_PersonChangedByOthersSinceRead_ThrowsAndWritesNothing(DatabaseProvider provider)
    {
        // Arrange
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "bulk_save_conflict"), clock);
        var held = await new TestData(services, clock).CreateYoungPersonAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var person = await db.YoungPeople.SingleAsync(p => p.Id == held.Id);
        await using (var other = services.CreateAsyncScope())
        {
            var otherDb = other.ServiceProvider.GetRequiredService<WaypointDbContext>();
            (await otherDb.YoungPeople.SingleAsync(p => p.Id == held.Id)).FamilyName = "Changed-Elsewhere";
            await otherDb.SaveChangesAsync();
        }

        // Act
        person.GivenName = "Renamed";
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesInBulkAsync();
            await transaction.CommitAsync();
        });

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(exception);
        await using var check = services.CreateAsyncScope();
        var saved = await check.ServiceProvider.GetRequiredService<WaypointDbContext>().YoungPeople.AsNoTracking().SingleAsync(p => p.Id == held.Id);
        Assert.Equal(held.GivenName, saved.GivenName);
        Assert.Equal("Changed-Elsewhere", saved.FamilyName);
    }
}
