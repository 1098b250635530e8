using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.TestCommon;

namespace Waypoint.Bench;

/// <summary>
/// What the page benchmarks share: a throwaway PostgreSQL database holding the demo generator's LA, analysed, with
/// the real web app running in process on it and a client signed in as the demo tracking officer.
/// </summary>
public sealed class PageBench : IAsyncDisposable
{
    public const string TrackingOfficer = "tracking@demo.waypoint.test";

    private PageBench(DatabaseSettings database, BenchWebHost host, HttpClient client, NpgsqlDataSource dataSource)
    {
        Database = database;
        Host = host;
        Client = client;
        DataSource = dataSource;
    }

    public DatabaseSettings Database { get; }
    public BenchWebHost Host { get; }
    public HttpClient Client { get; }

    /// <summary>The baseline's own pool, so bare SQL and the app both reuse warm connections.</summary>
    public NpgsqlDataSource DataSource { get; }

    public static async Task<PageBench> StartAsync(string prefix, int people, string signInAs = TrackingOfficer)
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, prefix);
        Console.WriteLine($"Seeding {people:N0} young people into PostgreSQL (demo generator, seed 1)...");
        var watch = Stopwatch.StartNew();
        await using (var services = CoreServices.Build(database, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Actor.System("bench"), new DemoOptions(people, 1));
        }

        await using (var db = database.CreateContext())
        {
            // Fresh tables have no statistics; without them the planner's choices say nothing about production.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded and analysed in {watch.Elapsed.TotalSeconds:0} s."));
        var host = new BenchWebHost(database);
        var client = await host.SignInAsync(signInAs, DemoSeeder.DemoPassword);
        return new PageBench(database, host, client, NpgsqlDataSource.Create(database.ConnectionString));
    }

    /// <summary>GETs a page and returns its HTML, failing the run on anything but 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new BenchFailedException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return html;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await DataSource.DisposeAsync();
        await Host.DisposeAsync();
    }
}
