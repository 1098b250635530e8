using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

namespace Waypoint.Core.Data;

/// <summary>
/// Saves what the change tracker holds with binary COPY on PostgreSQL: added rows are copied into their tables, and
/// modified rows are copied into a temporary table and applied with one UPDATE per table. For imports that write
/// hundreds of thousands of rows, where one INSERT or UPDATE per row is most of the time. It makes the same checks and
/// stamps as <see cref="WaypointDbContext.SaveChangesAsync(bool, CancellationToken)"/> (append-only audit, a new
/// version for a changed young person, whose old version must still be the one in the database). Must run inside a
/// transaction. Other providers, and a tracker holding deletions, save through EF as usual.
/// </summary>
public static class PostgresBulkSave
{
    public static async Task SaveChangesInBulkAsync(this WaypointDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsPostgres || db.Database.CurrentTransaction is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        // One pass over the tracked graphs: every Entries() call would otherwise look for changes again.
        db.ChangeTracker.DetectChanges();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await WriteAsync(db, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static async Task WriteAsync(WaypointDbContext db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().Where(e => e.State is not EntityState.Unchanged and not EntityState.Detached).ToList();
        if (entries.Any(e => e.State == EntityState.Deleted))
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        db.PrepareForSave();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var added = entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var type in PrincipalsFirst(added.Keys))
        {
            await InsertAsync(connection, type, added[type], ct);
        }

        foreach (var group in entries.Where(e => e.State == EntityState.Modified).GroupBy(e => e.Metadata))
        {
            await UpdateAsync(connection, group.Key, group.ToList(), ct);
        }

        db.ChangeTracker.AcceptAllChanges();
    }

    private static async Task InsertAsync(NpgsqlConnection connection, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        // Keys the database generates (identity columns) are left to it.
        var columns = Columns(type).Where(c => NpgsqlPropertyExtensions.GetValueGenerationStrategy(c.Property) == NpgsqlValueGenerationStrategy.None).ToList();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Table(type)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            var values = row.CurrentValues;
            foreach (var column in columns)
            {
                await WriteAsync(copy, column, values[column.Property], ct);
            }
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task UpdateAsync(NpgsqlConnection connection, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        var columns = Columns(type);
        var key = type.FindPrimaryKey()!.Properties.Select(p => columns.Single(c => c.Property == p)).ToList();
        var tokens = columns.Where(c => c.Property.IsConcurrencyToken).ToList();
        var staging = Quote("bulk_" + type.GetTableName());
        var select = string.Join(", ", columns.Select(c => Quote(c.Name)).Concat(tokens.Select(t => $"{Quote(t.Name)} AS {Quote("original_" + t.Name)}")));
        await ExecuteAsync(connection, $"CREATE TEMP TABLE {staging} AS SELECT {select} FROM {Table(type)} WITH NO DATA", ct);
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {staging} FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                var values = row.CurrentValues;
                foreach (var column in columns)
                {
                    await WriteAsync(copy, column, values[column.Property], ct);
                }

                var originals = row.OriginalValues;
                foreach (var token in tokens)
                {
                    await WriteAsync(copy, token, originals[token.Property], ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        var set = string.Join(", ", columns.Except(key).Select(c => $"{Quote(c.Name)} = s.{Quote(c.Name)}"));
        var match = string.Join(" AND ", key.Select(c => $"d.{Quote(c.Name)} = s.{Quote(c.Name)}")
            .Concat(tokens.Select(t => $"d.{Quote(t.Name)} = s.{Quote("original_" + t.Name)}")));
        var updated = await ExecuteAsync(connection, $"UPDATE {Table(type)} AS d SET {set} FROM {staging} AS s WHERE {match}", ct);
        await ExecuteAsync(connection, $"DROP TABLE {staging}", ct);
        if (updated != rows.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"{rows.Count - updated} of {rows.Count} {type.GetTableName()} rows were changed or deleted by someone else since they were read.");
        }
    }

    private sealed record Column(IProperty Property, string Name, ValueConverter? Converter, NpgsqlDbType Type);

    private static List<Column> Columns(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return type.GetProperties().Select(p =>
        {
            var mapping = p.GetRelationalTypeMapping();
            var storeType = mapping.StoreTypeNameBase;
            var dbType = storeType switch
            {
                "uuid" => NpgsqlDbType.Uuid,
                "text" => NpgsqlDbType.Text,
                "character varying" => NpgsqlDbType.Varchar,
                "character" => NpgsqlDbType.Char,
                "jsonb" => NpgsqlDbType.Jsonb,
                "json" => NpgsqlDbType.Json,
                "date" => NpgsqlDbType.Date,
                "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                "timestamp without time zone" => NpgsqlDbType.Timestamp,
                "boolean" => NpgsqlDbType.Boolean,
                "integer" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                "smallint" => NpgsqlDbType.Smallint,
                "numeric" => NpgsqlDbType.Numeric,
                "double precision" => NpgsqlDbType.Double,
                "real" => NpgsqlDbType.Real,
                _ => throw new NotSupportedException($"Bulk save does not write {storeType} ({type.DisplayName()}.{p.Name})."),
            };
            return new Column(p, p.GetColumnName(table)!, p.GetValueConverter() ?? mapping.Converter, dbType);
        }).ToList();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, Column column, object? value, CancellationToken ct)
    {
        if (value is not null && column.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value switch
        {
            null => copy.WriteNullAsync(ct),
            string s => copy.WriteAsync(s, column.Type, ct),
            Guid g => copy.WriteAsync(g, column.Type, ct),
            DateTime d => copy.WriteAsync(d, column.Type, ct),
            DateOnly d => copy.WriteAsync(d, column.Type, ct),
            bool b => copy.WriteAsync(b, column.Type, ct),
            int i => copy.WriteAsync(i, column.Type, ct),
            long l => copy.WriteAsync(l, column.Type, ct),
            short h => copy.WriteAsync(h, column.Type, ct),
            decimal m => copy.WriteAsync(m, column.Type, ct),
            double f => copy.WriteAsync(f, column.Type, ct),
            float f => copy.WriteAsync(f, column.Type, ct),
            _ => copy.WriteAsync(value, column.Type, ct),
        };
    }

    /// <summary>The tables in an order that inserts each row after the rows its foreign keys point to.</summary>
    private static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> types)
    {
        var remaining = types.ToList();
        var ordered = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && remaining.Contains(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("The added rows' tables refer to each other in a cycle.");
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static string Table(IEntityType type) =>
        type.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(type.GetTableName()!)}" : Quote(type.GetTableName()!);

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
