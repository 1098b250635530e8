using Microsoft.EntityFrameworkCore;

namespace Waypoint.Core.Data;

public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations; returns the names of those applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(WaypointDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.IsPostgres)
        {
            // SQLite: write-ahead logging lets the web app read while the CLI or a seed writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }
}
