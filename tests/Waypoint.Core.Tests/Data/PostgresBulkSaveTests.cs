using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;
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

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveChangesInBulk_UntrackedInsertsAndForgetTracked_InsertsThemWithTheTrackedRowsAndLeavesTheTrackerEmpty(DatabaseProvider provider)
    {
        // Arrange: a new person (tracked) and rows that refer to it but were never tracked, whose table (the change
        // log) must also come after the import it refers to, inserted in the same save.
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "bulk_save_untracked"), clock);
        var personId = Guid.Empty;
        var run = new DataImport { FileName = "roll.csv", FileSha256 = new string('a', 64), LaCode = "931", CreatedAt = clock.GetUtcNow().UtcDateTime };

        // Act
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var person = new YoungPerson
            {
                LocalId = "B1", GivenName = "Untracked", FamilyName = "Rows", DateOfBirth = new DateOnly(2010, 3, 4), Gender = Gender.F, EthnicityCode = "WBRI", LeadLaCode = "931",
                CreatedAt = clock.GetUtcNow().UtcDateTime, UpdatedAt = clock.GetUtcNow().UtcDateTime,
            };
            personId = person.Id;
            db.YoungPeople.Add(person);
            var untracked = new List<object>
            {
                new DataImportChange { ImportId = run.Id, YoungPersonId = person.Id, Kind = DataImportChangeKind.Created, AfterJson = "{}", AddedJson = "{}" },
                scope.ServiceProvider.GetRequiredService<AuditTrail>().Create(Actor.System("test"), AuditActions.YoungPersonImported, youngPersonId: person.Id, details: new { row = 7 }),
                run,
            };
            await db.SaveChangesInBulkAsync(untracked, forgetTracked: true);
            Assert.Empty(db.ChangeTracker.Entries());
            await transaction.CommitAsync();
        }

        // Assert
        await using var check = services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<WaypointDbContext>();
        Assert.True(await db2.YoungPeople.AnyAsync(p => p.Id == personId));
        Assert.Equal(personId, (await db2.DataImportChanges.AsNoTracking().SingleAsync(c => c.ImportId == run.Id)).YoungPersonId);
        var audit = await db2.AuditEvents.AsNoTracking().SingleAsync(a => a.YoungPersonId == personId && a.Action == AuditActions.YoungPersonImported);
        Assert.True(audit.Id > 0);
        Assert.Contains("\"row\":7", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChangesInBulk_UntrackedRowThatIsAlsoTracked_RefusedBeforeAnythingIsWritten()
    {
        // Arrange
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "bulk_save_twice"), clock);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var run = new DataImport { FileName = "roll.csv", FileSha256 = new string('b', 64), LaCode = "931", CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.DataImports.Add(run);

        // Act
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesInBulkAsync([run], forgetTracked: true);
            await transaction.CommitAsync();
        });

        // Assert
        Assert.IsType<InvalidOperationException>(exception);
        Assert.Contains("also tracked", exception.Message, StringComparison.Ordinal);
        await using var check = services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<WaypointDbContext>().DataImports.AnyAsync(i => i.Id == run.Id));
    }
}
