using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Users;
using Waypoint.TestCommon;

namespace Waypoint.Bench;

/// <summary>
/// What it costs to open one young person's record the way every page and API call must: through the access
/// check and with the view written to the audit trail. Baseline: the same work in bare SQL through Npgsql (read the
/// person and their activities, insert the audit row), so the ratio is what EF, the access rule and the service cost.
/// </summary>
public sealed class RecordOpenBenchmark : IBenchmark
{
    public string Name => "record-open";
    public string Description => "p95 of an authorised, audited record open vs bare Npgsql reads of the same rows (PostgreSQL).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var people = options.People ?? 20_000;
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "bench_record_open");
        var clock = TimeProvider.System;
        await using var services = CoreServices.Build(database, clock);
        Console.WriteLine($"Seeding {people:N0} young people into PostgreSQL...");
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Actor.System("bench"), new DemoOptions(people, 1));
        }

        Guid[] ids;
        Guid laId;
        await using (var db = database.CreateContext())
        {
            ids = await db.YoungPeople.OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync();
            laId = await db.Organisations.Where(o => o.Kind == Waypoint.Core.Organisations.OrganisationKind.LocalAuthority).Select(o => o.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var actor = new Actor(Guid.NewGuid(), "bench.tracking@test", WaypointRole.TrackingOfficer, laId, "931", null);
        var order = ids.OrderBy(id => id.GetHashCode()).ToArray();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        async Task Measured(int i)
        {
            await using var scope = services.CreateAsyncScope();
            var access = scope.ServiceProvider.GetRequiredService<YoungPersonAccess>();
            var result = await access.OpenAsync(actor, order[i % order.Length], "bench", q => q.Include(p => p.Activities));
            if (result.Outcome != AccessOutcome.Allowed)
            {
                throw new InvalidOperationException("The benchmark actor should see every demo record.");
            }
        }

        async Task Baseline(int i)
        {
            var id = order[i % order.Length];
            await using var connection = await dataSource.OpenConnectionAsync();
            await using (var person = new NpgsqlCommand("SELECT * FROM young_people WHERE id = $1", connection) { Parameters = { new() { Value = id } } })
            await using (var reader = await person.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            await using (var activities = new NpgsqlCommand("SELECT * FROM activities WHERE young_person_id = $1", connection) { Parameters = { new() { Value = id } } })
            await using (var rows = await activities.ExecuteReaderAsync())
            {
                while (await rows.ReadAsync())
                {
                }
            }

            await using var audit = new NpgsqlCommand(
                "INSERT INTO audit_events (occurred_at, user_id, user_name, role, organisation_id, action, outcome, entity_type, entity_id, young_person_id, details) " +
                "VALUES (now(), $1, $2, $3, $4, 'young-person.viewed', 'Succeeded', 'YoungPerson', $5, $6, '{\"purpose\":\"bench\"}') RETURNING id", connection)
            {
                Parameters =
                {
                    new() { Value = actor.UserId!.Value }, new() { Value = actor.Name }, new() { Value = actor.Role.ToString()! },
                    new() { Value = actor.OrganisationId!.Value }, new() { Value = id.ToString() }, new() { Value = id },
                },
            };
            await audit.ExecuteScalarAsync();
        }

        var (measured, baseline) = await Latency.P95Async(options, Measured, Baseline);
        return new BenchResult(
            string.Create(CultureInfo.InvariantCulture, $"p95 {measured:0.00} ms"),
            string.Create(CultureInfo.InvariantCulture, $"p95 {baseline:0.00} ms"),
            measured / baseline,
            Goal: 3);
    }
}
