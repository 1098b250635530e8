using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Waypoint.Core.Data;

namespace Waypoint.Bench;

/// <summary>
/// The least the database itself must do to commit the import-roll benchmark's roll: exactly the rows that import
/// writes, applied as one set-based statement per table and kind of write, with nothing else in the way. It answers
/// whether import-roll's goal (a ratio of 10 to a bare COPY) is reachable at all with the writes the import must make.
/// <para>
/// The roll is imported once, untimed, into a copy of the seeded register. Every table is then compared with the
/// register as seeded (primary key and a hash of the whole row), which finds each row the import inserted, updated or
/// deleted. Each pass stages those rows, with their final values, in temporary tables of a fresh copy of the register
/// (untimed), then times <c>INSERT ... SELECT</c>, <c>UPDATE ... FROM</c> and <c>DELETE ... USING</c> per table in one
/// transaction, and rolls it back. No parsing, matching, reading or change detection is counted, and no batching: a
/// bound below any import, not an import. Baseline: import-roll's own, a bare binary COPY of the file's rows into an
/// unindexed table, in the same run.
/// </para>
/// </summary>
public sealed class ImportRollFloorBenchmark : IBenchmark
{
    /// <summary>
    /// The tables that record that an import happened rather than what it changed: its audit events, its revert log and
    /// the import itself. The rest is the register's own data, shown as a subtotal.
    /// </summary>
    private static readonly HashSet<string> Bookkeeping = ["audit_events", "data_import_changes", "data_imports"];

    private static readonly string[] StagingPrefixes = ["ins_", "upd_", "del_"];

    public string Name => "import-roll-floor";
    public string Description => "median of import-roll's writes alone, set-based (one statement per table, no client work) vs the same bare COPY baseline.";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var people = options.People ?? 100_000;
        var iterations = options.RequestedIterations ?? 3;
        var warmup = options.RequestedWarmup ?? 1;
        var (template, directory, file) = await ImportRollBenchmark.SeedTemplateAsync(people);
        DatabaseSettings? imported = null;
        try
        {
            imported = await ImportRollBenchmark.CopyOfAsync(template);
            var (importMs, outcome) = await ImportRollBenchmark.ImportAsync(imported, TimeProvider.System, file);
            if (!outcome.Committed || outcome.RowsRead != people)
            {
                throw new BenchFailedException("The import did not commit the whole roll, so there are no writes to measure.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported the roll once (untimed for the ratio: {importMs / 1000:0.00} s): created {outcome.Created:N0}, updated {outcome.Updated:N0}, review {outcome.Review:N0}."));
            var writes = await FindWritesAsync(template, imported);

            // A database with open connections cannot be copied.
            NpgsqlConnection.ClearAllPools();
            foreach (var table in writes)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {table.Name}: {table.Inserted:N0} inserted, {table.Updated:N0} updated, {table.Deleted:N0} deleted"));
            }

            // Each pass times three things on fresh copies of the register, in a rotating order: the writes as the schema
            // stands, the same writes with every secondary index dropped first (what no schema design can go below),
            // and the baseline.
            var floorTimes = new List<double>();
            var unindexedTimes = new List<double>();
            var baselineTimes = new List<double>();
            var statementTimes = new Dictionary<string, List<double>>();
            var unindexedStatementTimes = new Dictionary<string, List<double>>();
            for (var i = 0; i < warmup + iterations; i++)
            {
                double floor = 0, unindexed = 0, bare = 0;
                foreach (var turn in Enumerable.Range(0, 3).Select(t => (t + i) % 3))
                {
                    var pass = await ImportRollBenchmark.CopyOfAsync(template);
                    try
                    {
                        if (turn == 2)
                        {
                            (bare, _) = await ImportRollBenchmark.BareCopyAsync(pass, file);
                            continue;
                        }

                        var timings = await ApplyAsync(pass, imported, writes, dropSecondaryIndexes: turn == 1);
                        var total = timings.Sum(t => t.Ms);
                        if (turn == 0)
                        {
                            floor = total;
                        }
                        else
                        {
                            unindexed = total;
                        }

                        if (i >= warmup)
                        {
                            var byStatement = turn == 0 ? statementTimes : unindexedStatementTimes;
                            foreach (var (statement, ms) in timings)
                            {
                                (byStatement.TryGetValue(statement, out var list) ? list : byStatement[statement] = []).Add(ms);
                            }
                        }
                    }
                    finally
                    {
                        await ImportRollBenchmark.DropAsync(pass);
                    }
                }

                if (i >= warmup)
                {
                    floorTimes.Add(floor);
                    unindexedTimes.Add(unindexed);
                    baselineTimes.Add(bare);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pass {i + 1}{(i < warmup ? " (warm-up)" : "")}: writes {floor:0} ms (ratio {floor / bare:0.00}), without secondary indexes {unindexed:0} ms (ratio {unindexed / bare:0.00}), baseline {bare:0} ms"));
            }

            var (measured, baseline) = (Stats.Median(floorTimes), Stats.Median(baselineTimes));
            Report("as the schema stands", statementTimes, baseline);
            Report("with every secondary index dropped", unindexedStatementTimes, baseline);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Without secondary indexes: median {Stats.Median(unindexedTimes) / 1000:0.00} s, ratio {Stats.Median(unindexedTimes) / baseline:0.00}."));
            return BenchResult.OfMedianSeconds(measured, baseline, ImportRollBenchmark.RatioGoal);
        }
        finally
        {
            if (imported is not null)
            {
                await ImportRollBenchmark.DropAsync(imported);
            }

            await ImportRollBenchmark.DropAsync(template);
            directory.Delete(recursive: true);
        }
    }

    private static void Report(string heading, Dictionary<string, List<double>> statementTimes, double baseline)
    {
        Console.WriteLine($"Median per statement, {heading}:");
        foreach (var (statement, times) in statementTimes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {statement,-40} {Stats.Median(times),8:0} ms"));
        }

        var records = statementTimes.Where(s => !Bookkeeping.Contains(s.Key.Split(' ')[1])).Sum(s => Stats.Median(s.Value));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  the register's own rows (every table but {string.Join(", ", Bookkeeping.Order(StringComparer.Ordinal))}): {records:0} ms, {records / baseline:0.00} times the baseline"));
    }

    private sealed record TableWrites(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> Key, long Inserted, long Updated, long Deleted)
    {
        public string KeyText(string alias) => $"ROW({string.Join(", ", Key.Select(k => $"{alias}.{Quote(k)}"))})::text";
        public string ColumnList(string? alias = null) => string.Join(", ", Columns.Select(c => alias is null ? Quote(c) : $"{alias}.{Quote(c)}"));
        public string Before => Quote("floor_before_" + Name);
        public string InsertedRows => $"SELECT {ColumnList("t")} FROM {Quote(Name)} t WHERE NOT EXISTS (SELECT 1 FROM {Before} b WHERE b.k = {KeyText("t")})";
        public string UpdatedRows => $"SELECT {ColumnList("t")} FROM {Quote(Name)} t JOIN {Before} b ON b.k = {KeyText("t")} WHERE b.h <> md5(t::text)";
        public string DeletedKeys => $"SELECT b.k FROM {Before} b WHERE NOT EXISTS (SELECT 1 FROM {Quote(Name)} t WHERE {KeyText("t")} = b.k)";
    }

    /// <summary>
    /// Every table's rows as seeded are copied (key and row hash) into the imported database, which then tells its own
    /// rows the import inserted or changed, and the keys it removed. Tables come back parents first.
    /// </summary>
    private static async Task<List<TableWrites>> FindWritesAsync(DatabaseSettings template, DatabaseSettings imported)
    {
        await using var before = new NpgsqlConnection(template.ConnectionString);
        await using var after = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(imported.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await before.OpenAsync();
        await after.OpenAsync();
        var tables = await ListAsync(before, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '__EFMigrationsHistory' ORDER BY c.relname
            """);
        var writes = new List<TableWrites>();
        foreach (var table in tables)
        {
            var key = await ListAsync(before, $"""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = '{Quote(table)}'::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)
                """);
            var columns = await ListAsync(before, $"""
                SELECT attname FROM pg_attribute WHERE attrelid = '{Quote(table)}'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                ORDER BY attnum
                """);
            if (key.Count == 0)
            {
                throw new BenchFailedException($"Table {table} has no primary key, so its rows cannot be told apart.");
            }

            var shape = new TableWrites(table, columns, key, 0, 0, 0);
            await ExecuteAsync(after, $"CREATE UNLOGGED TABLE {shape.Before} (k text PRIMARY KEY, h text NOT NULL)");
            await PipeAsync(before, $"SELECT {shape.KeyText("t")}, md5(t::text) FROM {Quote(table)} t", after, shape.Before);
            await ExecuteAsync(after, $"ANALYZE {shape.Before}");
            var counted = shape with
            {
                Inserted = await CountAsync(after, shape.InsertedRows),
                Updated = await CountAsync(after, shape.UpdatedRows),
                Deleted = await CountAsync(after, shape.DeletedKeys),
            };
            if (counted.Inserted + counted.Updated + counted.Deleted > 0)
            {
                writes.Add(counted);
            }
        }

        var references = new List<(string Child, string Parent)>();
        await using (var command = new NpgsqlCommand(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid", before))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                references.Add((reader.GetString(0).Trim('"'), reader.GetString(1).Trim('"')));
            }
        }

        return ParentsFirst(writes, references);
    }

    private static List<TableWrites> ParentsFirst(List<TableWrites> tables, List<(string Child, string Parent)> references)
    {
        var ordered = new List<TableWrites>();
        var left = tables.ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(t => !references.Any(r => r.Child == t.Name && left.Any(p => p.Name == r.Parent))).ToList();
            if (ready.Count == 0)
            {
                throw new BenchFailedException($"The tables {string.Join(", ", left.Select(t => t.Name))} refer to each other in a cycle.");
            }

            ordered.AddRange(ready);
            left.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    /// <summary>
    /// Stages the import's rows in temporary tables of <paramref name="pass"/> (untimed), then times each set-based
    /// write inside one transaction, which it rolls back. Inserts parents first, updates, then deletes children first.
    /// </summary>
    /// <param name="dropSecondaryIndexes">
    /// First drop (untimed) every index that is neither a primary key nor unique nor behind a constraint: the indexes a
    /// different schema or fewer features could do without. Unique keys, foreign keys and triggers stay.
    /// </param>
    private static async Task<List<(string Statement, double Ms)>> ApplyAsync(DatabaseSettings pass, DatabaseSettings imported, List<TableWrites> writes, bool dropSecondaryIndexes)
    {
        await using var source = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(imported.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await using var target = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pass.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await source.OpenAsync();
        await target.OpenAsync();
        if (dropSecondaryIndexes)
        {
            foreach (var drop in await ListAsync(target, """
                SELECT format('DROP INDEX %I.%I', n.nspname, c.relname)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND NOT i.indisprimary AND NOT i.indisunique
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                """))
            {
                await ExecuteAsync(target, drop);
            }
        }

        foreach (var table in writes)
        {
            foreach (var (staging, rows) in new[] { ("ins", table.InsertedRows), ("upd", table.UpdatedRows) })
            {
                await ExecuteAsync(target, $"CREATE TEMP TABLE {Quote($"{staging}_{table.Name}")} AS SELECT {table.ColumnList()} FROM {Quote(table.Name)} WITH NO DATA");
                await PipeAsync(source, rows, target, Quote($"{staging}_{table.Name}"));
            }

            await ExecuteAsync(target, $"CREATE TEMP TABLE {Quote("del_" + table.Name)} (k text)");
            await PipeAsync(source, table.DeletedKeys, target, Quote("del_" + table.Name));
        }

        await ExecuteAsync(target, $"ANALYZE {string.Join(", ", writes.SelectMany(t => StagingPrefixes.Select(s => Quote(s + t.Name))))}");
        var timings = new List<(string, double)>();
        await using var transaction = await target.BeginTransactionAsync();
        foreach (var table in writes.Where(t => t.Inserted > 0))
        {
            timings.Add(await TimeAsync(target, $"insert {table.Name} ({table.Inserted:N0})",
                $"INSERT INTO {Quote(table.Name)} ({table.ColumnList()}) OVERRIDING SYSTEM VALUE SELECT {table.ColumnList()} FROM {Quote("ins_" + table.Name)}"));
        }

        foreach (var table in writes.Where(t => t.Updated > 0))
        {
            var set = string.Join(", ", table.Columns.Except(table.Key).Select(c => $"{Quote(c)} = u.{Quote(c)}"));
            var match = string.Join(" AND ", table.Key.Select(k => $"t.{Quote(k)} = u.{Quote(k)}"));
            timings.Add(await TimeAsync(target, $"update {table.Name} ({table.Updated:N0})",
                $"UPDATE {Quote(table.Name)} t SET {set} FROM {Quote("upd_" + table.Name)} u WHERE {match}"));
        }

        foreach (var table in Enumerable.Reverse(writes).Where(t => t.Deleted > 0))
        {
            timings.Add(await TimeAsync(target, $"delete {table.Name} ({table.Deleted:N0})",
                $"DELETE FROM {Quote(table.Name)} t USING {Quote("del_" + table.Name)} d WHERE {table.KeyText("t")} = d.k"));
        }

        await transaction.RollbackAsync();
        return timings;
    }

    private static async Task<(string, double)> TimeAsync(NpgsqlConnection connection, string statement, string sql)
    {
        var timer = Stopwatch.StartNew();
        await ExecuteAsync(connection, sql);
        return (statement, timer.Elapsed.TotalMilliseconds);
    }

    private static async Task PipeAsync(NpgsqlConnection from, string query, NpgsqlConnection to, string table)
    {
        await using var reading = await from.BeginRawBinaryCopyAsync($"COPY ({query}) TO STDOUT (FORMAT BINARY)");
        await using var writing = await to.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        await reading.CopyToAsync(writing);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string rows)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM ({rows}) r", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        var values = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
