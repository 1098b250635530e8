using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Waypoint.Bench;

/// <summary>
/// The adviser's "My day" as the browser gets it, for an adviser with 300 young people and 2,000 open follow-ups in a
/// 100,000-person LA: GET /adviser through the whole web pipeline (cookie authentication, authorisation, the page's
/// queries and its audit row, Razor rendering). Baseline: the bare SQL through Npgsql that fetches what the page
/// shows: the organisation's name, the task counts, the caseload size and the three lists of up to 50 rows, with the
/// same filters and order as EF's queries.
/// </summary>
public sealed partial class MyDayBenchmark : IBenchmark
{
    public const string Path = "/adviser";
    public const string Adviser = "adviser@demo.waypoint.test";
    private const int Caseload = 300;
    private const int OpenTasks = 2_000;
    private const int UpcomingDays = 14;

    private const string Open =
        "FROM follow_up_tasks AS t JOIN young_people AS y ON t.young_person_id = y.id " +
        "WHERE t.assigned_to_user_id = $1 AND t.completed_at IS NULL AND y.lead_la_code = $2";

    public const string OrganisationSql = "SELECT name FROM organisations WHERE id = $1";

    public const string CountsSql =
        "SELECT count(*) FILTER (WHERE t.due_on < $3)::int, count(*) FILTER (WHERE t.due_on = $3)::int, " +
        "count(*) FILTER (WHERE t.due_on > $3 AND t.due_on <= $4)::int, count(*) FILTER (WHERE t.due_on > $4)::int " + Open;

    public const string CaseloadSql = "SELECT count(*)::int FROM young_people WHERE lead_la_code = $2 AND adviser_user_id = $1";

    private const string RowsSelect =
        "SELECT t.id, y.id, coalesce(y.preferred_given_name, y.given_name) || ' ' || coalesce(y.preferred_family_name, y.family_name), t.title, t.due_on " + Open;

    private const string RowsOrder = " ORDER BY t.due_on, y.family_name, t.id LIMIT 50";

    public static readonly string[] RowsSql =
    [
        RowsSelect + " AND t.due_on < $3" + RowsOrder,
        RowsSelect + " AND t.due_on = $3" + RowsOrder,
        RowsSelect + " AND t.due_on > $3 AND t.due_on <= $4" + RowsOrder,
    ];

    public string Name => "my-day";
    public string Description => "p95 of GET /adviser (300 young people, 2,000 open follow-ups) vs bare Npgsql counts + rows (PostgreSQL, 100,000 people).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        await using var bench = await PageBench.StartAsync("bench_my_day", options.People ?? 100_000, Adviser);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var horizon = today.AddDays(UpcomingDays);
        var (adviserId, organisationId) = await ArrangeAsync(bench.DataSource, today);

        NpgsqlCommand Command(string sql, NpgsqlConnection? connection)
        {
            var command = new NpgsqlCommand(sql, connection);
            if (sql == OrganisationSql)
            {
                command.Parameters.Add(new() { Value = organisationId });
                return command;
            }

            command.Parameters.Add(new() { Value = adviserId });
            command.Parameters.Add(new() { Value = "931" });
            if (sql != CaseloadSql)
            {
                command.Parameters.Add(new() { Value = today });
                command.Parameters.Add(new() { Value = horizon });
            }

            return command;
        }

        // The page and the baseline must show the same tasks in the same order, or the ratio compares different work.
        using (var capture = await EfCommandCapture.StartAsync())
        {
            var html = await bench.GetPageAsync(Path);
            var pageIds = CheckPage(html);
            capture.Dispose();
            await using var connection = await bench.DataSource.OpenConnectionAsync();
            var baselineIds = new List<string>();
            foreach (var sql in RowsSql)
            {
                await using var rows = Command(sql, connection);
                await using var reader = await rows.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    baselineIds.Add(reader.GetGuid(0).ToString());
                }
            }

            if (!pageIds.SequenceEqual(baselineIds))
            {
                throw new BenchFailedException($"The page's {pageIds.Count} tasks are not the baseline's {baselineIds.Count} in the same order.");
            }

            await using var counts = Command(CountsSql, connection);
            await using (var reader = await counts.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                var (overdue, dueToday, upcoming, later) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
                if (overdue + dueToday + upcoming + later != OpenTasks || !html.Contains($"Overdue ({overdue:N0})", StringComparison.Ordinal))
                {
                    throw new BenchFailedException($"The page does not show the baseline's counts ({overdue:N0} overdue of {OpenTasks:N0}).");
                }

                Console.WriteLine($"My day: {overdue:N0} overdue, {dueToday:N0} due today, {upcoming:N0} coming up, {later:N0} later; the page shows {pageIds.Count} rows.");
            }

            await QueryPlans.ExplainAsync(bench.DataSource,
            [
                .. capture.Statements,
                SqlStatement.From("baseline counts", Command(CountsSql, null)),
                SqlStatement.From("baseline caseload", Command(CaseloadSql, null)),
                SqlStatement.From("baseline overdue rows", Command(RowsSql[0], null)),
            ]);
        }

        async Task Measured(int i)
        {
            CheckPage(await bench.GetPageAsync(Path));
        }

        async Task Baseline(int i)
        {
            await using var connection = await bench.DataSource.OpenConnectionAsync();
            foreach (var sql in (string[])[OrganisationSql, CountsSql, CaseloadSql, .. RowsSql])
            {
                await using var command = Command(sql, connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var c = 0; c < reader.FieldCount; c++)
                    {
                        _ = reader.GetValue(c);
                    }
                }
            }
        }

        var (measured, baseline) = await Latency.P95Async(options, Measured, Baseline);
        return new BenchResult(
            string.Create(CultureInfo.InvariantCulture, $"p95 {measured:0.00} ms"),
            string.Create(CultureInfo.InvariantCulture, $"p95 {baseline:0.00} ms"),
            measured / baseline,
            Goal: 3);
    }

    /// <summary>
    /// Gives the demo adviser exactly <see cref="Caseload"/> young people and <see cref="OpenTasks"/> open follow-ups, due
    /// from 30 days ago to 59 days ahead (so every list of the page is full), and closes any follow-up they had before.
    /// </summary>
    private static async Task<(Guid Adviser, Guid Organisation)> ArrangeAsync(NpgsqlDataSource dataSource, DateOnly today)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        Guid adviser, organisation;
        await using (var find = new NpgsqlCommand("SELECT id, organisation_id FROM \"AspNetUsers\" WHERE normalized_email = $1", connection) { Parameters = { new() { Value = Adviser.ToUpperInvariant() } } })
        await using (var reader = await find.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new BenchFailedException($"No demo adviser {Adviser}.");
            }

            (adviser, organisation) = (reader.GetGuid(0), reader.GetGuid(1));
        }

        string[] arrange =
        [
            "UPDATE young_people SET adviser_user_id = NULL WHERE adviser_user_id = $1",
            $"UPDATE young_people SET adviser_user_id = $1 WHERE id IN (SELECT id FROM young_people WHERE lead_la_code = '931' AND cohort_status = 'P' ORDER BY id LIMIT {Caseload})",
            "UPDATE follow_up_tasks SET completed_at = now(), completed_by_user_id = $1, outcome = 'bench' WHERE assigned_to_user_id = $1 AND completed_at IS NULL",
            "WITH p AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM young_people WHERE adviser_user_id = $1) " +
            "INSERT INTO follow_up_tasks (id, young_person_id, assigned_to_user_id, kind, title, due_on, created_at) " +
            $"SELECT gen_random_uuid(), p.id, $1, 'Manual', 'Follow-up ' || g, $2::date + (g % 90 - 30), now() FROM generate_series(0, {OpenTasks - 1}) AS g JOIN p ON p.n = g % {Caseload}",
        ];
        foreach (var sql in arrange)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new() { Value = adviser });
            if (sql.Contains("$2", StringComparison.Ordinal))
            {
                command.Parameters.Add(new() { Value = today });
            }

            await command.ExecuteNonQueryAsync();
        }

        await using (var analyse = new NpgsqlCommand("VACUUM ANALYZE young_people, follow_up_tasks", connection))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        return (adviser, organisation);
    }

    /// <summary>The task ids of the page's three tables in order; a page without a full overdue table is a failed run, not a fast one.</summary>
    private static List<string> CheckPage(string html)
    {
        if (!html.Contains("id=\"overdue-tasks\"", StringComparison.Ordinal))
        {
            throw new BenchFailedException($"GET {Path} has no overdue table.");
        }

        var ids = TaskId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        if (ids.Count < 100)
        {
            throw new BenchFailedException($"GET {Path} shows {ids.Count} tasks, fewer than its lists should hold.");
        }

        return ids;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"taskId\" value=\"([0-9a-f-]{36})\">")]
    private static partial Regex TaskId();
}
