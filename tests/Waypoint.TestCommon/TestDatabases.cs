using Waypoint.Core.Data;
using Xunit;

namespace Waypoint.TestCommon;

/// <summary>Data tests run as theories over both providers; the provider shows in each test's name.</summary>
public static class TestDatabases
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>A fresh, empty database for the provider (not yet migrated).</summary>
    public static DatabaseSettings Create(DatabaseProvider provider, string prefix)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new DatabaseSettings(DatabaseProvider.Postgres, PostgresServer.Require().CreateDatabase(prefix));
        }

        var directory = Path.Combine(Path.GetTempPath(), "waypoint-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{prefix}-{Guid.NewGuid():N}.db");
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}");
    }

    public static async Task<DatabaseSettings> CreateMigratedAsync(DatabaseProvider provider, string prefix)
    {
        var settings = Create(provider, prefix);
        await using var db = settings.CreateContext();
        await DatabaseMigrator.MigrateAsync(db);
        return settings;
    }
}
