using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Risk;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Bench;

/// <summary>
/// Risk of NEET scoring for 60,000 pupils in Years 7 to 11 (issue 8, acceptance point 5): <see cref="RiskService"/>
/// loads the LA's indicator set and model, reads the indicator rows through EF and scores every pupil with points,
/// reason text, the model's probability and its per-factor explanation. Baseline, as the issue sets it: a bare Npgsql
/// pass that reads the same indicator rows (pupils with their census row, and their current characteristics) into
/// plain values. Both must see the same number of pupils before timing. Saving the scores is a separate step, timed
/// and printed for information, not part of the ratio.
/// </summary>
public sealed class RiskScoreBenchmark : IBenchmark
{
    private const string LaCode = "946";
    private const double Goal = 3;

    private const string PupilSql =
        "SELECT y.id, y.school_id, y.date_of_birth, y.has_sen_support, y.has_ehc_plan, c.attendance_percent, c.suspensions, " +
        "c.permanent_exclusions, c.free_school_meals, c.english_additional_language, c.child_in_need, c.young_carer, c.school_moves, " +
        "c.ks2scaled_score FROM young_people AS y LEFT JOIN pupil_census AS c ON c.young_person_id = y.id " +
        "WHERE y.lead_la_code = $1 AND y.cohort_status = 'P' AND y.date_of_birth >= $2 AND y.date_of_birth <= $3";

    private const string CharacteristicSql =
        "SELECT c.young_person_id, c.code FROM characteristics AS c JOIN young_people AS y ON y.id = c.young_person_id " +
        "WHERE c.code = ANY($4) AND c.start_date <= $5 AND (c.end_date IS NULL OR c.end_date >= $5) " +
        "AND y.lead_la_code = $1 AND y.cohort_status = 'P' AND y.date_of_birth >= $2 AND y.date_of_birth <= $3";

    public string Name => "risk-score";
    public string Description => "median of risk of NEET scoring (points, reasons, model, explanations) vs bare Npgsql read of the same rows (PostgreSQL, 60,000 pupils).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var pupils = options.People ?? 60_000;
        var iterations = options.RequestedIterations ?? 7;
        var warmup = options.RequestedWarmup ?? 2;
        var clock = TimeProvider.System;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "bench_risk_score");
        var watch = Stopwatch.StartNew();
        await using var services = CoreServices.Build(database, clock);
        await SeedAsync(services, pupils, today);
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        await using (var analyse = dataSource.CreateCommand("ANALYZE"))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {pupils:N0} pupils in Years 7 to 11 with census rows and characteristics, a model trained on 4 past cohorts, in {watch.Elapsed.TotalSeconds:0} s."));

        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var earliest = AcademicAge.DateOfBirthRange(11, today).Earliest;
        var latest = AcademicAge.DateOfBirthRange(7, today).Latest;

        var readTimes = new List<double>();
        async Task<(double Ms, int Pupils, int WithModel)> Measured()
        {
            var timer = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var risk = scope.ServiceProvider.GetRequiredService<RiskService>();
            var set = await risk.CurrentIndicatorSetAsync(LaCode);
            var model = await risk.CurrentModelAsync(LaCode);
            var rows = await risk.ReadInputsAsync(LaCode);
            readTimes.Add(timer.Elapsed.TotalMilliseconds);
            var scored = RiskService.Score(rows, new PointsScorer(set.Definition), model);
            return (timer.Elapsed.TotalMilliseconds, scored.Count, scored.Count(s => s.ModelFactors is not null && s.Reasons.Length > 0));
        }

        async Task<(double Ms, int Pupils)> Baseline()
        {
            var timer = Stopwatch.StartNew();
            var rows = new List<(Guid, Guid?, DateOnly, bool, bool, decimal?, int?, int?, bool?, bool?, bool?, bool?, int?, int?)>(pupils);
            await using (var command = source.CreateCommand(PupilSql))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = LaCode });
                command.Parameters.Add(new NpgsqlParameter { Value = earliest });
                command.Parameters.Add(new NpgsqlParameter { Value = latest });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2), reader.GetBoolean(3), reader.GetBoolean(4),
                        reader.IsDBNull(5) ? null : reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
                        reader.IsDBNull(8) ? null : reader.GetBoolean(8), reader.IsDBNull(9) ? null : reader.GetBoolean(9), reader.IsDBNull(10) ? null : reader.GetBoolean(10),
                        reader.IsDBNull(11) ? null : reader.GetBoolean(11), reader.IsDBNull(12) ? null : reader.GetInt32(12), reader.IsDBNull(13) ? null : reader.GetInt32(13)));
                }
            }

            var characteristics = new List<(Guid, string)>();
            await using (var command = source.CreateCommand(CharacteristicSql))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = LaCode });
                command.Parameters.Add(new NpgsqlParameter { Value = earliest });
                command.Parameters.Add(new NpgsqlParameter { Value = latest });
                command.Parameters.Add(new NpgsqlParameter { Value = RiskInputs.CharacteristicCodes });
                command.Parameters.Add(new NpgsqlParameter { Value = today });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    characteristics.Add((reader.GetGuid(0), reader.GetString(1)));
                }
            }

            return (timer.Elapsed.TotalMilliseconds, rows.Count);
        }

        var first = await Measured();
        var bare = await Baseline();
        if (first.Pupils != pupils || bare.Pupils != pupils || first.WithModel != pupils)
        {
            throw new BenchFailedException($"Seeded {pupils:N0} pupils, but scoring read {first.Pupils:N0} ({first.WithModel:N0} with the model) and the baseline {bare.Pupils:N0}.");
        }

        for (var i = 0; i < warmup; i++)
        {
            await Measured();
            await Baseline();
        }

        var measuredTimes = new List<double>();
        var baselineTimes = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            // Alternated, so load from the other engineers' work on the machine falls on both alike.
            measuredTimes.Add((await Measured()).Ms);
            baselineTimes.Add((await Baseline()).Ms);
        }

        var save = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RiskService>().RecomputeAsync(Actor.System("bench"), LaCode);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"For information: recomputing and saving this term's {pupils:N0} scores took {save.Elapsed.TotalMilliseconds:N0} ms."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Of the measured pass, reading the rows through EF took a median {Stats.Median(readTimes):0} ms."));
        var measured = Stats.Median(measuredTimes);
        var baseline = Stats.Median(baselineTimes);
        return new BenchResult(
            string.Create(CultureInfo.InvariantCulture, $"{measured:0} ms scoring {pupils:N0} (median of {iterations})"),
            string.Create(CultureInfo.InvariantCulture, $"{baseline:0} ms bare read"),
            measured / baseline,
            Goal);
    }

    /// <summary>Pupils whose indicators come from the history generator, so they co-occur as documented, and a model trained on past cohorts.</summary>
    private static async Task SeedAsync(ServiceProvider services, int pupils, DateOnly today)
    {
        var generator = new RiskHistoryGenerator(seed: 46);
        var now = DateTime.UtcNow;
        const int batch = 5000;
        for (var start = 0; start < pupils; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(pupils, start + batch); i++)
            {
                var h = generator.Pupil(LaCode, 0);
                var (earliest, latest) = AcademicAge.DateOfBirthRange(7 + (i % 5), today);
                var person = new YoungPerson
                {
                    LocalId = (i + 1).ToString("D10", CultureInfo.InvariantCulture),
                    GivenName = "Pupil",
                    FamilyName = $"Number{i}",
                    SearchName = $"pupil number{i}",
                    DateOfBirth = earliest.AddDays(i % (latest.DayNumber - earliest.DayNumber + 1)),
                    Gender = h.Gender,
                    EthnicityCode = h.EthnicityCode,
                    LeadLaCode = LaCode,
                    HasSenSupport = h.SenSupport,
                    HasEhcPlan = h.EhcPlan,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                person.Census = new PupilCensusData
                {
                    YoungPersonId = person.Id,
                    AttendancePercent = h.AttendancePercent,
                    Suspensions = h.Suspensions,
                    PermanentExclusions = h.PermanentExclusions,
                    FreeSchoolMeals = h.FreeSchoolMeals,
                    EnglishAdditionalLanguage = h.EnglishAdditionalLanguage,
                    ChildInNeed = h.ChildInNeed,
                    YoungCarer = h.YoungCarer,
                    SchoolMoves = h.SchoolMoves,
                    Ks2ScaledScore = h.Ks2ScaledScore,
                    AsOf = today,
                };
                foreach (var code in new[] { (h.LookedAfter, "110"), (h.PregnantOrParent, "120"), (h.YouthJustice, "170"), (h.AlternativeProvision, "200") }.Where(c => c.Item1).Select(c => c.Item2))
                {
                    person.Characteristics.Add(new Characteristic { YoungPersonId = person.Id, Code = code, StartDate = today.AddDays(-100) });
                }

                db.YoungPeople.Add(person);
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            db.RiskHistory.AddRange(RiskHistoryGenerator.Generate(LaCode, today.Year - 4, 4, 5000, seed: 47));
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<RiskService>().TrainModelAsync(Actor.System("bench"), LaCode);
        }
    }
}
