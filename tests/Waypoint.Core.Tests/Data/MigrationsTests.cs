using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Data;

public class MigrationsTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_EmptyDatabase_CreatesSchemaAndLeavesNothingPending(DatabaseProvider provider)
    {
        var settings = TestDatabases.Create(provider, "migrate");
        await using var db = settings.CreateContext();

        var applied = await DatabaseMigrator.MigrateAsync(db);

        Assert.NotEmpty(applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.YoungPeople.CountAsync());
        Assert.Empty(await DatabaseMigrator.MigrateAsync(db));
    }

    /// <summary>The CI check that a model change always comes with a migration, for each provider.</summary>
    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges(DatabaseProvider provider)
    {
        var settings = TestDatabases.Create(provider, "pending");
        await using var db = settings.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The EF model has changes with no {provider} migration. Run: dotnet ef migrations add <Name> --project src/Waypoint.Migrations.{provider} --startup-project src/Waypoint.Migrations.{provider}");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AuditEvents_ChangedWithSql_RefusedByTheDatabase(DatabaseProvider provider)
    {
        var settings = await TestDatabases.CreateMigratedAsync(provider, "append_only");
        await using var db = settings.CreateContext();
        db.AuditEvents.Add(new AuditEvent { Action = "test.appended", OccurredAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET action = 'tampered'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events"));

        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.NotNull(delete);
        Assert.Equal("test.appended", await db.AuditEvents.AsNoTracking().Select(e => e.Action).SingleAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AuditEvents_ChangedThroughEf_RefusedBeforeReachingTheDatabase(DatabaseProvider provider)
    {
        var settings = await TestDatabases.CreateMigratedAsync(provider, "append_only_ef");
        await using var db = settings.CreateContext();
        var auditEvent = new AuditEvent { Action = "test.appended", OccurredAt = DateTime.UtcNow };
        db.AuditEvents.Add(auditEvent);
        await db.SaveChangesAsync();

        auditEvent.Action = "tampered";
        var exception = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        Assert.IsType<InvalidOperationException>(exception);
    }
}
