using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Waypoint.Core.Data;

/// <summary>
/// A read-only transaction in which every query sees the database as it stood at the first one, for work that reads in
/// several statements and must not mix two states (the NCCIS return reads activities, then the people). PostgreSQL:
/// REPEATABLE READ, READ ONLY. SQLite (the app runs it in WAL mode): a deferred transaction, which reads one snapshot
/// without taking the write lock, so people recording activities meanwhile are not held up. Disposing it ends it;
/// nothing is written inside it. When the caller already has a transaction, its reads are the caller's.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly WaypointDbContext db;
    private readonly IDbContextTransaction? efTransaction;
    private readonly DbTransaction? sqliteTransaction;

    private ReadSnapshot(WaypointDbContext db, IDbContextTransaction? efTransaction, DbTransaction? sqliteTransaction)
    {
        this.db = db;
        this.efTransaction = efTransaction;
        this.sqliteTransaction = sqliteTransaction;
    }

    public static async Task<ReadSnapshot> BeginAsync(WaypointDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            return new ReadSnapshot(db, null, null);
        }

        if (db.IsPostgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var snapshot = new ReadSnapshot(db, transaction, null);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
                return snapshot;
            }
            catch
            {
                await snapshot.DisposeAsync();
                throw;
            }
        }

        // EF's own BeginTransaction on SQLite is BEGIN IMMEDIATE, which takes the write lock for the whole read.
        await db.Database.OpenConnectionAsync(ct);
        DbTransaction? deferred = null;
        try
        {
            deferred = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(deferred, ct);
            return new ReadSnapshot(db, null, deferred);
        }
        catch
        {
            if (deferred is not null)
            {
                await deferred.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (efTransaction is not null)
        {
            await efTransaction.DisposeAsync();
        }

        if (sqliteTransaction is not null)
        {
            await db.Database.UseTransactionAsync(null);
            await sqliteTransaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
