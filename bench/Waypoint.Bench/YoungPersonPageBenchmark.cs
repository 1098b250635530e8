using System.Globalization;
using Npgsql;
using Waypoint.Core.Audit;

namespace Waypoint.Bench;

/// <summary>
/// A young person's record page, GET /young-people/{id}, as the tracking officer opens it through the whole web
/// pipeline, over a random sample of records. Baseline: the same rows read in bare SQL through Npgsql, one
/// statement each on one pooled connection as hand-written data access would, plus the audit row the view must
/// write (see docs/performance.md for the exact list).
/// </summary>
public sealed class YoungPersonPageBenchmark : IBenchmark
{
    private const string LaCode = "931";

    // The person as the access rule allows them, with the reference rows the page shows in the same statement.
    private const string PersonSql =
        "SELECT y.*, o.*, c.* FROM young_people AS y " +
        "LEFT JOIN organisations AS o ON y.school_id = o.id " +
        "LEFT JOIN pupil_census AS c ON y.id = c.young_person_id " +
        "WHERE y.lead_la_code = $1 AND y.id = $2";

    private const string ActivitiesSql = "SELECT * FROM activities WHERE young_person_id = $1";
    private const string CharacteristicsSql = "SELECT * FROM characteristics WHERE young_person_id = $1";
    private const string GuaranteeSql = "SELECT * FROM september_guarantee_offers WHERE young_person_id = $1";

    private const string AuditInsertSql =
        "INSERT INTO audit_events (occurred_at, user_id, user_name, role, organisation_id, action, outcome, entity_type, entity_id, " +
        "young_person_id, reason, details, ip_address, correlation_id) " +
        "VALUES ($1, $2, $3, $4, $5, 'young-person.viewed', 'Succeeded', 'YoungPerson', $6, $7, NULL, $8, $9, $10) RETURNING id";

    private const string AdviserSql = "SELECT display_name FROM \"AspNetUsers\" WHERE id = $1";
    private const string TasksSql = "SELECT * FROM follow_up_tasks WHERE young_person_id = $1 AND completed_at IS NULL ORDER BY due_on";

    private const string TimelineSql =
        "SELECT * FROM audit_events WHERE young_person_id = $1 AND action = ANY($2) AND outcome = 'Succeeded' ORDER BY id DESC LIMIT 200";

    private const string RecordersSql = "SELECT id, display_name FROM \"AspNetUsers\" WHERE id = ANY($1)";

    // RecordTimeline's change actions: what the timeline shows besides the activities.
    private static readonly string[] TimelineActions =
    [
        AuditActions.YoungPersonUpdated, AuditActions.ActivityVerified, AuditActions.CohortStatusChanged, AuditActions.IntendedDestinationSet,
        AuditActions.SeptemberGuaranteeSet, AuditActions.AdviserAssigned, AuditActions.TransferredIn, AuditActions.YoungPersonCreated,
    ];

    public string Name => "young-person-page";
    public string Description => "p95 of GET /young-people/{id} vs bare Npgsql reads of the same rows + the audit insert (PostgreSQL, 100,000 people).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        await using var bench = await PageBench.StartAsync("bench_young_person", options.People ?? 100_000);
        Guid userId;
        Guid organisationId;
        string userName;
        var ids = new List<Guid>();
        await using (var connection = await bench.DataSource.OpenConnectionAsync())
        {
            await using (var user = new NpgsqlCommand("SELECT id, organisation_id, user_name FROM \"AspNetUsers\" WHERE normalized_email = upper($1)", connection) { Parameters = { new() { Value = PageBench.TrackingOfficer } } })
            await using (var reader = await user.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                userId = reader.GetGuid(0);
                organisationId = reader.GetGuid(1);
                userName = reader.GetString(2);
            }

            await using var all = new NpgsqlCommand("SELECT id FROM young_people ORDER BY id", connection);
            await using var rows = await all.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                ids.Add(rows.GetGuid(0));
            }
        }

        // A fixed random sample, so every run opens the same records in the same order and none is served warm twice.
        var random = new Random(1);
        var sample = ids.OrderBy(_ => random.Next()).Take(Math.Max(1, options.Warmup + options.Iterations + 1)).ToArray();
        Console.WriteLine($"Opening {sample.Length:N0} of {ids.Count:N0} records, sampled at random.");

        NpgsqlCommand Command(string sql, NpgsqlConnection? connection, params object[] values)
        {
            var command = new NpgsqlCommand(sql, connection);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            return command;
        }

        NpgsqlCommand AuditInsert(NpgsqlConnection? connection, Guid id) => Command(AuditInsertSql, connection,
            DateTime.UtcNow, userId, userName, "TrackingOfficer", organisationId, id.ToString(), id, "{\"purpose\":\"record page\"}", "127.0.0.1", $"bench-{Guid.NewGuid():N}");

        async Task<(int Rows, Guid? Adviser, Guid[] Recorders)> Read(NpgsqlCommand command, bool person = false, bool activities = false)
        {
            await using var reader = await command.ExecuteReaderAsync();
            var count = 0;
            Guid? adviser = null;
            var recorders = new List<Guid>();
            while (await reader.ReadAsync())
            {
                count++;
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    _ = reader.GetValue(c);
                }

                if (person && reader["adviser_user_id"] is Guid a)
                {
                    adviser = a;
                }

                if (activities && reader["recorded_by_user_id"] is Guid r)
                {
                    recorders.Add(r);
                }
            }

            return (count, adviser, recorders.Distinct().ToArray());
        }

        async Task<List<SqlStatement>> Baseline(Guid id, bool explainOnly = false)
        {
            var statements = new List<SqlStatement>();
            await using var connection = await bench.DataSource.OpenConnectionAsync();
            async Task<(int Rows, Guid? Adviser, Guid[] Recorders)> Run(string label, NpgsqlCommand command, bool person = false, bool activities = false)
            {
                await using (command)
                {
                    if (explainOnly)
                    {
                        statements.Add(SqlStatement.From(label, command));
                    }

                    return explainOnly && command.CommandText.StartsWith("INSERT", StringComparison.Ordinal)
                        ? default
                        : await Read(command, person, activities);
                }
            }

            var (found, adviser, _) = await Run("baseline person, school, census", Command(PersonSql, connection, LaCode, id), person: true);
            if (found != 1)
            {
                throw new BenchFailedException($"Baseline found no visible young person {id}.");
            }

            var (_, _, recorders) = await Run("baseline activities", Command(ActivitiesSql, connection, id), activities: true);
            await Run("baseline characteristics", Command(CharacteristicsSql, connection, id));
            await Run("baseline September Guarantee", Command(GuaranteeSql, connection, id));
            await Run("baseline audit insert", AuditInsert(connection, id));
            if (adviser is { } adviserId)
            {
                await Run("baseline adviser name", Command(AdviserSql, connection, adviserId));
            }

            await Run("baseline open follow-ups", Command(TasksSql, connection, id));
            await Run("baseline timeline events", Command(TimelineSql, connection, id, TimelineActions));
            if (recorders.Length > 0)
            {
                await Run("baseline activity recorders", Command(RecordersSql, connection, recorders));
            }

            return statements;
        }

        // An adviser is assigned from Year 11 up, so pick a record with one to show every statement's plan.
        Guid planned;
        await using (var connection = await bench.DataSource.OpenConnectionAsync())
        await using (var pick = Command("SELECT id FROM young_people WHERE adviser_user_id IS NOT NULL AND id = ANY($1) LIMIT 1", connection, sample))
        {
            planned = (Guid?)await pick.ExecuteScalarAsync() ?? sample[0];
        }

        using (var capture = await EfCommandCapture.StartAsync())
        {
            CheckPage(await bench.GetPageAsync($"/young-people/{planned}"));
            capture.Dispose();
            await QueryPlans.ExplainAsync(bench.DataSource, [.. capture.Statements, .. await Baseline(planned, explainOnly: true)]);
        }

        async Task Measured(int i)
        {
            CheckPage(await bench.GetPageAsync($"/young-people/{sample[i % sample.Length]}"));
        }

        async Task BaselineRun(int i)
        {
            await Baseline(sample[i % sample.Length]);
        }

        // Warm-up and measured calls each take the next record, so a record is read warm by neither side.
        var offset = 0;
        var (measured, baseline) = await Latency.P95Async(
            options,
            i => Measured(offset++),
            i => BaselineRun(offset - 1));
        return new BenchResult(
            string.Create(CultureInfo.InvariantCulture, $"p95 {measured:0.00} ms"),
            string.Create(CultureInfo.InvariantCulture, $"p95 {baseline:0.00} ms"),
            measured / baseline,
            Goal: 3);
    }

    private static void CheckPage(string html)
    {
        if (!html.Contains("id=\"current-activity\"", StringComparison.Ordinal) || !html.Contains("id=\"timeline\"", StringComparison.Ordinal))
        {
            throw new BenchFailedException("The young person page is missing its current activity or timeline.");
        }
    }
}
