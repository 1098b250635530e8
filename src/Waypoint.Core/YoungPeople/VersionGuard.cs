using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waypoint.Core.Data;

namespace Waypoint.Core.YoungPeople;

/// <summary>
/// The optimistic concurrency check for young people whose activities or census a bulk write changes without rewriting
/// their own row. <see cref="YoungPerson.Version"/> guards the whole record: a write that rewrites the person checks it
/// in its UPDATE, but one that only rewrites child rows (which <see cref="PostgresBulkSave"/> writes whole, from the
/// values read) would otherwise put back anything someone else changed since. Call it inside the write's transaction,
/// just before saving.
/// </summary>
public static class VersionGuard
{
    /// <summary>
    /// Throws <see cref="DbUpdateConcurrencyException"/> unless every person still has the version they were read with.
    /// On PostgreSQL the rows are locked as well (<c>FOR NO KEY UPDATE</c>), so no one can change them between this
    /// check and the commit; SQLite lets one writer at a time into the database.
    /// </summary>
    public static async Task EnsureUnchangedSinceReadAsync(WaypointDbContext db, IReadOnlyCollection<(Guid Id, Guid Version)> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        if (read.Count == 0)
        {
            return;
        }

        var ids = read.Select(r => r.Id).ToArray();
        var held = db.IsPostgres
            ? await db.Database.SqlQueryRaw<HeldVersion>(
                    """SELECT id AS "Id", version AS "Version" FROM young_people WHERE id = ANY(@ids) ORDER BY id FOR NO KEY UPDATE""",
                    new NpgsqlParameter("ids", ids))
                .ToDictionaryAsync(v => v.Id, v => v.Version, ct)
            : await db.YoungPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Version, ct);
        var changed = read.Count(r => !held.TryGetValue(r.Id, out var version) || version != r.Version);
        if (changed > 0)
        {
            throw new DbUpdateConcurrencyException(
                $"{changed} of {read.Count} young people were changed or deleted by someone else since they were read.");
        }
    }

    private sealed class HeldVersion
    {
        public Guid Id { get; set; }
        public Guid Version { get; set; }
    }
}
