using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Waypoint.Core.Access;
using Waypoint.Core.Careers;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Bench;

/// <summary>
/// Issue 7, acceptance point 5: recomputing every per-pupil careers measure and every school's benchmark evidence for
/// an LA of 60 schools and 60,000 pupils with 1 million participation rows (<see cref="BenchmarkAssessment.AssessLaAsync"/>),
/// against a bare SQL aggregate over the same participation rows (a count per pupil, read with Npgsql) in the same run.
/// The recompute reads the tallies the database keeps per pupil and school (ADR 0007); before measuring, the benchmark
/// checks them against counting every row, and prints how long that full recount takes.
/// </summary>
public sealed class CareersMeasuresBenchmark : IBenchmark
{
    private const string LaCode = "931";
    private const int Schools = 60;
    private const int Rows = 1_000_000;
    private const int ActivitiesPerSchool = 400;

    public string Name => "careers-measures";
    public string Description => "median of recomputing all careers measures and benchmark evidence vs a bare SQL count per pupil (PostgreSQL, 60 schools, 60,000 pupils, 1,000,000 participations).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var pupils = options.People ?? 60_000;
        var iterations = options.RequestedIterations ?? 5;
        var warmup = options.RequestedWarmup ?? 2;
        var clock = TimeProvider.System;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "bench_careers");
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding {Schools} schools, {pupils:N0} pupils and {Rows:N0} participation rows into PostgreSQL...");
        await SeedAsync(database.ConnectionString, pupils, today);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded and analysed in {watch.Elapsed.TotalSeconds:0} s."));

        await using var services = CoreServices.Build(database, clock);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var actor = Actor.System("bench");

        async Task<(double Ms, int Pupils, int Rows)> Measured()
        {
            var timer = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var results = await scope.ServiceProvider.GetRequiredService<BenchmarkAssessment>().AssessLaAsync(actor, LaCode, today);
            return (timer.Elapsed.TotalMilliseconds, results.Sum(r => r.Measures.Pupils.Count), results.Sum(r => r.Measures.Pupils.Sum(p => p.Counts.Activities)));
        }

        async Task<(double Ms, int Pupils, int Rows)> Baseline()
        {
            var timer = Stopwatch.StartNew();
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT young_person_id, count(*)::int FROM careers_participations GROUP BY young_person_id", connection);
            await using var reader = await command.ExecuteReaderAsync();
            int people = 0, rows = 0;
            while (await reader.ReadAsync())
            {
                reader.GetGuid(0);
                rows += reader.GetInt32(1);
                people++;
            }

            return (timer.Elapsed.TotalMilliseconds, people, rows);
        }

        // The database kept the tallies as the rows were copied in: check them against counting every row (the full
        // recount a snapshot of a past date does), which also times that recount for the record.
        await using (var scope = services.CreateAsyncScope())
        {
            var timer = Stopwatch.StartNew();
            var check = await scope.ServiceProvider.GetRequiredService<CareersMeasuresService>().CheckTalliesAsync();
            if (!check.Agree)
            {
                throw new BenchFailedException($"The tallies disagree with the rows for {check.Differ.Count:N0} pupils ({check.PupilsTallied:N0} tallied, {check.PupilsCounted:N0} counted).");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Checked: the tallies of {check.PupilsTallied:N0} pupils agree with counting the rows (both counts, no pupils or evidence: {timer.Elapsed.TotalMilliseconds:0} ms)."));
        }

        // The first pass is captured and its reads explained, so the plans behind the figure are in the output.
        (double Ms, int Pupils, int Rows) first;
        using (var capture = await EfCommandCapture.StartAsync())
        {
            first = await Measured();
            capture.Dispose();
            await QueryPlans.ExplainAsync(dataSource, capture.Statements.Where(s => s.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                && (s.Sql.Contains("careers_tallies", StringComparison.Ordinal) || s.Sql.Contains("careers_participations", StringComparison.Ordinal) || s.Sql.Contains("young_people", StringComparison.Ordinal))).Take(4), failOnFullScan: false);
        }

        var bare = await Baseline();
        if (first.Rows != Rows || bare.Rows != Rows || first.Pupils != pupils)
        {
            throw new BenchFailedException($"Expected {pupils:N0} pupils and {Rows:N0} rows; the assessment saw {first.Pupils:N0} pupils and {first.Rows:N0} rows, the baseline {bare.Rows:N0} rows.");
        }

        for (var i = 1; i < warmup; i++)
        {
            await Measured();
            await Baseline();
        }

        var measuredTimes = new List<double>();
        var baselineTimes = new List<double>();
        double peak = 0;
        for (var i = 0; i < iterations; i++)
        {
            foreach (var measuredTurn in i % 2 == 0 ? [true, false] : (bool[])[false, true])
            {
                using var memory = PeakMemory.Start();
                if (measuredTurn)
                {
                    measuredTimes.Add((await Measured()).Ms);
                    peak = Math.Max(peak, memory.WorkingSetMegabytes);
                }
                else
                {
                    baselineTimes.Add((await Baseline()).Ms);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pass {i + 1}: measures + evidence {measuredTimes[^1]:0} ms, bare aggregate {baselineTimes[^1]:0} ms, ratio {measuredTimes[^1] / baselineTimes[^1]:0.00}"));
        }

        var (measured, baseline) = (Stats.Median(measuredTimes), Stats.Median(baselineTimes));
        return new BenchResult(
            string.Create(CultureInfo.InvariantCulture, $"median {measured:0} ms"),
            string.Create(CultureInfo.InvariantCulture, $"median {baseline:0} ms"),
            measured / baseline,
            Goal: 3)
        {
            Peak = peak,
        };
    }

    /// <summary>
    /// Schools, pupils spread evenly over Years 7 to 13 with forms, census flags and partners, then activities of every
    /// type across this and last academic year and 1,000,000 participations written with binary COPY.
    /// </summary>
    private static async Task SeedAsync(string connectionString, int pupils, DateOnly today)
    {
        var random = new Random(7);
        // Writing a million rows with their foreign keys and indexes takes longer than the default 30-second timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var now = DateTime.UtcNow;
        var schools = Enumerable.Range(0, Schools).Select(_ => Guid.CreateVersion7()).ToList();
        var partners = Enumerable.Range(0, 40).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY organisations (id, name, kind, la_code, urn, has_sixth_form, is_active, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < Schools; i++)
            {
                await writer.WriteRowAsync(default, schools[i], $"Bench School {i}", nameof(OrganisationKind.SchoolOrCollege), LaCode, $"{150000 + i}", true, true, now);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY careers_partners (id, la_code, name, kind, is_stem, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < partners.Count; i++)
            {
                await writer.WriteRowAsync(default, partners[i], LaCode, $"Bench Partner {i}", (i % 2 == 0 ? PartnerKind.Employer : PartnerKind.FurtherEducationCollege).ToString(), i % 3 == 0, now);
            }

            await writer.CompleteAsync();
        }

        // Pupils: Years 7 to 13 in equal numbers, four forms a year group.
        var people = new List<(Guid Id, Guid School, DateOnly Birth, Guid Form)>(pupils);
        var forms = new Dictionary<(int School, int Year, int Form), Guid>();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY young_people (id, local_id, given_name, family_name, search_name, date_of_birth, gender, ethnicity_code, lead_la_code, school_id, level_of_need, has_ehc_plan, has_sen_support, cohort_status, created_at, updated_at, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < pupils; i++)
            {
                var school = i % Schools;
                var year = 7 + (i / Schools) % 7;
                var (earliest, _) = AcademicAge.DateOfBirthRange(year, today);
                var birth = earliest.AddDays(random.Next(365));
                var id = Guid.CreateVersion7();
                var formKey = (school, year, random.Next(4));
                if (!forms.TryGetValue(formKey, out var form))
                {
                    forms[formKey] = form = Guid.CreateVersion7();
                }

                people.Add((id, schools[school], birth, form));
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"{i:D10}");
                await writer.WriteAsync($"Pupil{i}");
                await writer.WriteAsync($"Bench{school}");
                await writer.WriteAsync($"pupil{i} bench{school}");
                await writer.WriteAsync(birth, NpgsqlDbType.Date);
                await writer.WriteAsync(i % 2 == 0 ? "F" : "M");
                await writer.WriteAsync("WBRI");
                await writer.WriteAsync(LaCode);
                await writer.WriteAsync(schools[school], NpgsqlDbType.Uuid);
                await writer.WriteAsync(3);
                await writer.WriteAsync(i % 40 == 0);
                await writer.WriteAsync(i % 40 != 0 && i % 9 == 0);
                await writer.WriteAsync("P");
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY pupil_groups (id, school_id, name, kind) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((school, year, form), id) in forms)
            {
                await writer.WriteRowAsync(default, id, schools[school], $"{year}{"ABCD"[form]}", nameof(PupilGroupKind.Form));
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY pupil_group_members (group_id, young_person_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in people)
            {
                await writer.WriteRowAsync(default, p.Form, p.Id);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY pupil_census (young_person_id, free_school_meals, english_additional_language, child_in_need, young_carer, attendance_percent, suspensions, permanent_exclusions, school_moves, as_of) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < people.Count; i++)
            {
                await writer.WriteRowAsync(default, people[i].Id, i % 5 == 0, false, false, false, i % 8 == 0 ? 85m : 96m, 0, 0, 0, today);
            }

            await writer.CompleteAsync();
        }

        // Activities: this and last academic year, every type, about a third of them with a provider or employer.
        var types = Enum.GetValues<CareersActivityType>();
        var yearStart = new DateOnly(AcademicAge.AcademicYearStart(today) - 1, 9, 1);
        var span = today.DayNumber - yearStart.DayNumber;
        var activities = new List<(Guid Id, DateOnly Date, CareersActivityType Type, bool InSchoolHours, Guid? Partner)>[Schools];
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY careers_activities (id, school_id, type, title, date, academic_year, before_march, in_school_hours, partner_id, benchmarks, two_way_interaction, hours, recorded_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var s = 0; s < Schools; s++)
            {
                activities[s] = [];
                for (var a = 0; a < ActivitiesPerSchool; a++)
                {
                    var type = types[random.Next(types.Length)];
                    var date = yearStart.AddDays(random.Next(span));
                    var id = Guid.CreateVersion7();
                    var inSchoolHours = random.Next(10) != 0;
                    Guid? partner = type == CareersActivityType.ProviderEncounter || random.Next(3) == 0 ? partners[random.Next(partners.Count)] : null;
                    activities[s].Add((id, date, type, inSchoolHours, partner));
                    await writer.StartRowAsync();
                    await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(schools[s], NpgsqlDbType.Uuid);
                    await writer.WriteAsync((int)type);
                    await writer.WriteAsync($"{type} {a}");
                    await writer.WriteAsync(date, NpgsqlDbType.Date);
                    await writer.WriteAsync(AcademicAge.AcademicYearStart(date));
                    await writer.WriteAsync(CareersMeasures.IsBeforeMarch(date));
                    await writer.WriteAsync(inSchoolHours);
                    if (partner is { } partnerId)
                    {
                        await writer.WriteAsync(partnerId, NpgsqlDbType.Uuid);
                    }
                    else
                    {
                        await writer.WriteNullAsync();
                    }

                    await writer.WriteAsync(type.DefaultBenchmarks());
                    await writer.WriteAsync(true);
                    if (type == CareersActivityType.WorkExperience)
                    {
                        await writer.WriteAsync(30m, NpgsqlDbType.Numeric);
                    }
                    else
                    {
                        await writer.WriteNullAsync();
                    }

                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
            }

            await writer.CompleteAsync();
        }

        // Participations: pupils in turn take a distinct activity of their school until there are 1,000,000 rows.
        var schoolIndex = schools.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY careers_participations (id, activity_id, young_person_id, school_id, year_group, type, date, academic_year, before_march, in_school_hours, partner_id, hours) FROM STDIN (FORMAT BINARY)"))
        {
            var perPupil = Rows / people.Count;
            var extra = Rows - perPupil * people.Count;
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                var list = activities[schoolIndex[p.School]];
                var take = perPupil + (i < extra ? 1 : 0);
                var startAt = random.Next(list.Count);
                var step = 1 + random.Next(list.Count / take - 1);
                for (var k = 0; k < take; k++)
                {
                    var (activityId, date, type, inSchoolHours, partner) = list[(startAt + k * step) % list.Count];
                    await writer.StartRowAsync();
                    await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(activityId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(p.School, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(CareersMeasures.YearGroupOn(p.Birth, date));
                    await writer.WriteAsync((int)type);
                    await writer.WriteAsync(date, NpgsqlDbType.Date);
                    await writer.WriteAsync(AcademicAge.AcademicYearStart(date));
                    await writer.WriteAsync(CareersMeasures.IsBeforeMarch(date));
                    await writer.WriteAsync(inSchoolHours);
                    if (partner is { } partnerId)
                    {
                        await writer.WriteAsync(partnerId, NpgsqlDbType.Uuid);
                    }
                    else
                    {
                        await writer.WriteNullAsync();
                    }

                    if (type == CareersActivityType.WorkExperience)
                    {
                        await writer.WriteAsync(30m, NpgsqlDbType.Numeric);
                    }
                    else
                    {
                        await writer.WriteNullAsync();
                    }
                }
            }

            await writer.CompleteAsync();
        }

        // VACUUM as well as ANALYZE: straight after a COPY every row's visibility is still unsettled, so the first reads
        // would write hint bits and could not use index-only scans; a live database has been vacuumed by autovacuum.
        await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await analyse.ExecuteNonQueryAsync();
    }
}
