using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Waypoint.Bench;

/// <summary>One SQL statement with its parameter values, as it was sent: the app's (captured from EF) or a baseline's.</summary>
public sealed record SqlStatement(string Label, string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public static SqlStatement From(string label, NpgsqlCommand command) =>
        new(label, command.CommandText, command.Parameters.Select(p => p.Clone()).ToList());
}

/// <summary>
/// Records every command EF executes while it is open, through EF's DiagnosticListener events, so the plans
/// explained are those of the exact SQL and parameters a page sent, not a reconstruction.
/// </summary>
public sealed class EfCommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<SqlStatement> statements = [];
    private readonly Lock gate = new();

    private EfCommandCapture()
    {
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public static async Task<EfCommandCapture> StartAsync()
    {
        var capture = new EfCommandCapture();

        // EF remembers for its logging cache time (one second by default) that nobody listened to command events,
        // and sends none until that runs out.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return capture;
    }

    public IReadOnlyList<SqlStatement> Statements
    {
        get
        {
            lock (gate)
            {
                return statements.ToList();
            }
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (gate)
            {
                subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData { Command: NpgsqlCommand command })
        {
            lock (gate)
            {
                statements.Add(SqlStatement.From($"EF #{statements.Count + 1}", command));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            subscriptions.Clear();
        }
    }
}

public static class QueryPlans
{
    /// <summary>
    /// Prints each statement's plan (EXPLAIN ANALYZE for reads; writes are only planned, not run again) and, for the
    /// page benchmarks, fails the run if any reads the whole young_people table: their acceptance points ask for index
    /// access at 100,000. A whole-cohort export reads every row by design, so it passes false.
    /// </summary>
    public static async Task ExplainAsync(NpgsqlDataSource dataSource, IEnumerable<SqlStatement> statements, bool failOnFullScan = true)
    {
        var scans = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var statement in statements)
        {
            var isRead = statement.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
            var explain = isRead ? "EXPLAIN (ANALYZE, BUFFERS OFF) " : "EXPLAIN ";
            await using var command = new NpgsqlCommand(explain + statement.Sql, connection);
            foreach (var parameter in statement.Parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }

            Console.WriteLine($"--- {statement.Label}");
            Console.WriteLine(statement.Sql.Trim());
            if (statement.Parameters.Count > 0)
            {
                Console.WriteLine("-- " + string.Join(", ", statement.Parameters.Select((p, i) => $"{(p.ParameterName.Length > 0 ? p.ParameterName : $"${i + 1}")}={Show(p.Value)}")));
            }

            foreach (var line in lines)
            {
                Console.WriteLine("   " + line);
            }

            if (lines.Any(l => l.Contains("Seq Scan on young_people", StringComparison.Ordinal)))
            {
                scans.Add(statement.Label);
            }
        }

        if (scans.Count > 0 && failOnFullScan)
        {
            throw new BenchFailedException($"Sequential scan of young_people in the plan of: {string.Join(", ", scans)}.");
        }
    }

    private static string Show(object? value) => value switch
    {
        null or DBNull => "NULL",
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        string text => text,
        Array array => "{" + string.Join(",", array.Cast<object?>().Select(Show)) + "}",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
