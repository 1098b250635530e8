using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Organisations;
using Waypoint.Core.Prospectus;
using Waypoint.TestCommon;

namespace Waypoint.Bench;

/// <summary>
/// The public course search over 50,000 courses: <see cref="CourseSearch"/> (stemming, typo tolerance, BM25, the
/// first page of 20) against a bare PostgreSQL full-text query for the same words on the same table, with a GIN index
/// on the same text and ranked with <c>ts_rank</c>, first 20 rows. Queries rotate through a fixed list, some misspelt.
/// </summary>
public sealed class CourseSearchBenchmark : IBenchmark
{
    private static readonly string[] Queries =
    [
        "engineering", "enginering apprenticeship", "a level biology", "hairdressing", "digital", "health and social care",
        "plumbing", "t level", "software developer", "motor vehicle", "early years", "business administration",
    ];

    public string Name => "course-search";
    public string Description => "p95 of the prospectus search over 50,000 courses vs a bare PostgreSQL full-text query for the same words.";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var courses = options.People ?? 50_000;
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "bench_course_search");
        await using var services = CoreServices.Build(database, TimeProvider.System);
        Console.WriteLine($"Seeding {courses:N0} courses into PostgreSQL...");
        await SeedAsync(database, courses);

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var index = new NpgsqlCommand(
                "CREATE INDEX ix_bench_courses_fts ON courses USING gin (to_tsvector('english', title || ' ' || subject_area || ' ' || description)); ANALYZE", connection);
            await index.ExecuteNonQueryAsync();
        }

        var total = 0L;
        async Task Measured(int i)
        {
            await using var scope = services.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<CourseSearch>();
            var result = await search.SearchAsync(new CourseSearchQuery(Queries[i % Queries.Length]));
            total += result.Total;
        }

        async Task Baseline(int i)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(
                "SELECT id, title FROM courses WHERE is_published AND to_tsvector('english', title || ' ' || subject_area || ' ' || description) @@ plainto_tsquery('english', $1) " +
                "ORDER BY ts_rank(to_tsvector('english', title || ' ' || subject_area || ' ' || description), plainto_tsquery('english', $1)) DESC LIMIT 20", connection)
            {
                Parameters = { new() { Value = Queries[i % Queries.Length] } },
            };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }

        var (measured, baseline) = await Latency.P95Async(options, Measured, Baseline);
        if (total == 0)
        {
            throw new BenchFailedException("The search found nothing: the benchmark data is wrong.");
        }

        return new BenchResult(
            string.Create(CultureInfo.InvariantCulture, $"p95 {measured:0.00} ms"),
            string.Create(CultureInfo.InvariantCulture, $"p95 {baseline:0.00} ms"),
            measured / baseline,
            Goal: 2);
    }

    /// <summary>The demo area's local offer, repeated across many providers, with the venues spread over the districts shipped.</summary>
    private static async Task SeedAsync(DatabaseSettings database, int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var population = DemoDataGenerator.Generate(new DemoOptions(10, 1), today);
        var template = DemoProspectus.Generate(population, today, 1).Courses;
        var random = new Random(1);
        string[] postcodes = ["OX1 1AA", "OX4 2JZ", "OX16 5DE", "OX28 6AE", "OX11 7HJ", "OX14 1RB", "OX26 6TN", "RG1 1AA", "SN1 1AA", "HP20 1AA"];
        var providers = Enumerable.Range(1, count / 250 + 1).Select(i => new Organisation
        {
            Name = $"Bench Provider {i}", Kind = OrganisationKind.LearningProvider, LaCode = "931", CreatedAt = DateTime.UtcNow,
        }).ToList();
        await using (var db = database.CreateContext())
        {
            db.Organisations.AddRange(providers);
            await db.SaveChangesAsync();
        }

        for (var start = 0; start < count; start += 5000)
        {
            await using var db = database.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + 5000); i++)
            {
                var t = template[random.Next(template.Count)];
                db.Courses.Add(new Course
                {
                    ProviderId = providers[i / 250].Id,
                    Title = t.Title,
                    QualificationType = t.QualificationType,
                    Level = t.Level,
                    SubjectArea = t.SubjectArea,
                    EntryRequirements = t.EntryRequirements,
                    StartDate = t.StartDate,
                    DurationMonths = t.DurationMonths,
                    StudyMode = t.StudyMode,
                    Venue = t.Venue,
                    VenuePostcode = postcodes[random.Next(postcodes.Length)],
                    Capacity = t.Capacity,
                    ApplicationDeadline = t.ApplicationDeadline,
                    Description = t.Description,
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }
    }
}
