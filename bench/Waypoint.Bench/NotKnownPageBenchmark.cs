using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Waypoint.Bench;

/// <summary>
/// The tracking officer's "activity not known" work list, first page of 50, as the browser gets it: GET through
/// the whole web pipeline (cookie authentication, authorisation, the page's queries and audit row, Razor rendering).
/// Baseline: the bare SQL through Npgsql that fetches what the list shows, the total and the 50 rows, with the same
/// filters, order and school name join as EF's query.
/// </summary>
public sealed partial class NotKnownPageBenchmark : IBenchmark
{
    public const string Path = "/tracking/lists/not-known";

    // The work list's filters for a tracking officer of LA 931 (YoungPersonAccess.VisibleTo and WorkLists.Apply):
    // primary and September Guarantee cohorts, whose current activity is a not-known code or has lapsed.
    private const string Where =
        "y.lead_la_code = $1 AND y.cohort_status IN ('P', 'G') AND (y.current_activity_code = ANY($2) OR y.current_due_to_lapse <= $3)";

    public const string CountSql = "SELECT count(*)::int FROM young_people AS y WHERE " + Where;

    public const string RowsSql =
        "SELECT y.id, y.given_name, y.preferred_given_name, y.family_name, y.date_of_birth, y.postcode, o.name, " +
        "y.current_activity_code, y.current_activity_start, y.current_due_to_lapse, y.current_neet_start, y.current_review_date, " +
        "y.intended_destination_code, y.version " +
        "FROM young_people AS y LEFT JOIN organisations AS o ON y.school_id = o.id " +
        "WHERE " + Where + " ORDER BY y.family_name, y.given_name, y.id LIMIT 50";

    private static readonly string[] NotKnownCodes = ["810", "820", "830", "150"];

    public string Name => "not-known-page";
    public string Description => "p95 of GET /tracking/lists/not-known (first 50) vs bare Npgsql count + rows (PostgreSQL, 100,000 people).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        await using var bench = await PageBench.StartAsync("bench_not_known", options.People ?? 100_000);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        NpgsqlCommand Count(NpgsqlConnection? connection) => new(CountSql, connection) { Parameters = { new() { Value = "931" }, new() { Value = NotKnownCodes }, new() { Value = today } } };
        NpgsqlCommand Rows(NpgsqlConnection? connection) => new(RowsSql, connection) { Parameters = { new() { Value = "931" }, new() { Value = NotKnownCodes }, new() { Value = today } } };

        // The page and the baseline must show the same young people in the same order, or the ratio compares different work.
        List<string> pageIds;
        using (var capture = await EfCommandCapture.StartAsync())
        {
            var html = await bench.GetPageAsync(Path);
            pageIds = CheckPage(html);
            capture.Dispose();
            await using var connection = await bench.DataSource.OpenConnectionAsync();
            var baselineIds = new List<string>();
            await using (var rows = Rows(connection))
            await using (var reader = await rows.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    baselineIds.Add(reader.GetGuid(0).ToString());
                }
            }

            if (!pageIds.SequenceEqual(baselineIds))
            {
                throw new BenchFailedException("The page's 50 rows are not the baseline's 50 rows in the same order.");
            }

            await using var count = Count(connection);
            var total = (int)(await count.ExecuteScalarAsync())!;
            if (!html.Contains($">{total:N0} young people<", StringComparison.Ordinal))
            {
                throw new BenchFailedException($"The page does not show the baseline's total of {total:N0}.");
            }

            Console.WriteLine($"Not-known list: {total:N0} young people; the page shows the first {pageIds.Count}.");
            await QueryPlans.ExplainAsync(bench.DataSource,
            [
                .. capture.Statements,
                SqlStatement.From("baseline count", Count(null)),
                SqlStatement.From("baseline rows", Rows(null)),
            ]);
        }

        async Task Measured(int i)
        {
            CheckPage(await bench.GetPageAsync(Path));
        }

        async Task ReadRows(NpgsqlConnection connection)
        {
            await using var rows = Rows(connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    _ = reader.GetValue(c);
                }
            }
        }

        async Task Baseline(int i)
        {
            await using var connection = await bench.DataSource.OpenConnectionAsync();
            await using (var count = Count(connection))
            {
                await count.ExecuteScalarAsync();
            }

            await ReadRows(connection);
        }

        // Not the baseline, but shown beside it: the count is most of the baseline's time, so a reader can judge the
        // page against the rows alone too.
        async Task RowsOnly(int i)
        {
            await using var connection = await bench.DataSource.OpenConnectionAsync();
            await ReadRows(connection);
        }

        var p95 = await Latency.P95Async(options, [Measured, Baseline, RowsOnly]);
        var (measured, baseline, rowsOnly) = (p95[0], p95[1], p95[2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"For comparison, not the goal: the rows query alone (no count) p95 {rowsOnly:0.00} ms, page / rows alone = {measured / rowsOnly:0.00}."));
        return new BenchResult(
            string.Create(CultureInfo.InvariantCulture, $"p95 {measured:0.00} ms"),
            string.Create(CultureInfo.InvariantCulture, $"p95 {baseline:0.00} ms"),
            measured / baseline,
            Goal: 3);
    }

    /// <summary>The ids of the table's rows; a page without a full table of 50 is a failed run, not a fast one.</summary>
    private static List<string> CheckPage(string html)
    {
        var body = html.IndexOf("<tbody", StringComparison.Ordinal);
        if (!html.Contains("id=\"work-list\"", StringComparison.Ordinal) || body < 0)
        {
            throw new BenchFailedException($"GET {Path} has no work-list table.");
        }

        var ids = RowLink().Matches(html, body).Select(m => m.Groups[1].Value).ToList();
        if (ids.Count != 50)
        {
            throw new BenchFailedException($"GET {Path} shows {ids.Count} rows, not 50.");
        }

        return ids;
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/young-people/([0-9a-f-]{36})\"")]
    private static partial Regex RowLink();
}
