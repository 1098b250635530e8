using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Imports;
using Waypoint.Core.Tracking;
using Waypoint.Core.Organisations;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Bench;

/// <summary>
/// A termly school roll of 100,000 rows committed into an LA whose register holds 100,000 young people:
/// <see cref="ImportService.RunAsync"/> with commit, which hashes, parses, validates, matches every row and writes
/// the result in one transaction. Baseline: the same file read line by line, split on commas and written with a bare
/// binary COPY into an unindexed table of text columns, in the same database. Each pass starts from a copy of one
/// seeded template database, so every pass imports into the same register.
/// </summary>
public sealed class ImportRollBenchmark : IBenchmark
{
    public const string SeedCommand = "import-roll-seed";
    private const string LaCode = "931";
    private const double PeakGoalMegabytes = 500;

    /// <summary>Issue 5's goal for the import's time as a ratio to the bare COPY; the floor benchmark is held to it too.</summary>
    internal const double RatioGoal = 10;

    private static readonly string[] Columns =
    [
        "UPN", "Surname", "Forename", "Middle names", "DOB", "Sex", "Ethnicity", "Address line 1", "Town", "County", "Postcode",
        "LAESTAB", "NC year", "FSM", "SEN provision", "EAL", "Attendance %",
    ];

    public string Name => "import-roll";
    public string Description => "median of a 100,000-row roll import (parse, match, commit) vs bare binary COPY of the rows (PostgreSQL, 100,000 register).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        if (!PeakMemory.IsSupported)
        {
            throw new BenchFailedException("Measuring the peak of the import alone needs Linux's /proc/self/clear_refs.");
        }

        var people = options.People ?? 100_000;
        var iterations = options.RequestedIterations ?? 3;
        var warmup = options.RequestedWarmup ?? 1;
        var clock = TimeProvider.System;
        var (template, directory, file) = await SeedTemplateAsync(people);
        try
        {
            var measuredTimes = new List<double>();
            var baselineTimes = new List<double>();
            double peak = 0, heap = 0;
            for (var i = 0; i < warmup + iterations; i++)
            {
                var measuredFirst = i % 2 == 0;
                double ms = 0, bare = 0;
                foreach (var measuredTurn in measuredFirst ? [true, false] : (bool[])[false, true])
                {
                    var pass = await CopyOfAsync(template);
                    try
                    {
                        if (measuredTurn)
                        {
                            using var memory = PeakMemory.Start();
                            var (elapsed, outcome) = await ImportAsync(pass, clock, file);
                            ms = elapsed;
                            var (passPeak, passHeap) = (memory.WorkingSetMegabytes, memory.HeapMegabytes);
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"  import: {outcome.RowsRead:N0} rows read, created {outcome.Created:N0}, updated {outcome.Updated:N0}, unchanged {outcome.Unchanged:N0}, review {outcome.Review:N0}, rejected rows {outcome.Rejected.Select(r => r.Row).Distinct().Count():N0}; {elapsed:0} ms, peak {passPeak:0} MB (heap {passHeap:0} MB)"));
                            if (!outcome.Committed || outcome.RowsRead != people)
                            {
                                throw new BenchFailedException("The import did not commit the whole roll.");
                            }

                            if (i >= warmup)
                            {
                                peak = Math.Max(peak, passPeak);
                                heap = Math.Max(heap, passHeap);
                            }
                        }
                        else
                        {
                            var (elapsed, rows) = await BareCopyAsync(pass, file);
                            bare = elapsed;
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  baseline: {rows:N0} rows copied in {elapsed:0} ms"));
                        }
                    }
                    finally
                    {
                        await DropAsync(pass);
                    }
                }

                if (i >= warmup)
                {
                    measuredTimes.Add(ms);
                    baselineTimes.Add(bare);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pass {i + 1}{(i < warmup ? " (warm-up)" : "")}: import {ms:0} ms, baseline {bare:0} ms, ratio {ms / bare:0.00}"));
            }

            var (measured, baseline) = (Stats.Median(measuredTimes), Stats.Median(baselineTimes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak during the timed imports: working set {peak:0} MB, managed heap {heap:0} MB."));
            return BenchResult.OfMedianSeconds(measured, baseline, RatioGoal) with
            {
                Peak = peak,
                PeakGoal = PeakGoalMegabytes,
            };
        }
        finally
        {
            await DropAsync(template);
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A migrated PostgreSQL template holding the seeded register, and the roll written for it; each pass imports into a
    /// copy of the template (<see cref="CopyOfAsync"/>).
    /// </summary>
    internal static async Task<(DatabaseSettings Template, DirectoryInfo Directory, string File)> SeedTemplateAsync(int people)
    {
        var template = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "bench_import_roll");
        var directory = Directory.CreateTempSubdirectory("waypoint-bench-import-");
        var file = Path.Combine(directory.FullName, "roll.csv");
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding a register of {people:N0} young people (demo generator, seed 1) and writing the roll...");
        try
        {
            await SeedInChildProcessAsync(template, people, file);
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }

        var register = await ScalarAsync(template.ConnectionString, "SELECT count(*)::int FROM young_people");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {register:N0} people and wrote {new FileInfo(file).Length / 1024d / 1024d:0.0} MB of roll in {watch.Elapsed.TotalSeconds:0} s."));
        NpgsqlConnection.ClearAllPools();
        return (template, directory, file);
    }

    internal static async Task<(double Ms, ImportOutcome Outcome)> ImportAsync(DatabaseSettings database, TimeProvider clock, string file)
    {
        await using var services = CoreServices.Build(database, clock);
        await using var scope = services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        var timer = Stopwatch.StartNew();
        var outcome = await import.RunAsync(Actor.System("bench"), LaCode, ImportKind.Roll,
            () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024), "roll.csv", commit: true);
        return (timer.Elapsed.TotalMilliseconds, outcome);
    }

    /// <summary>
    /// The least work that puts the file's rows in the database: each line split on commas (the generated roll has no
    /// quoted fields), every field as text, one binary COPY into a table with no index, key or constraint.
    /// </summary>
    internal static async Task<(double Ms, int Rows)> BareCopyAsync(DatabaseSettings database, string file)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE roll_copy ({string.Join(", ", Columns.Select((_, c) => $"c{c} text"))})", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var timer = Stopwatch.StartNew();
        var rows = 0;
        using (var reader = new StreamReader(file, Encoding.UTF8))
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY roll_copy FROM STDIN (FORMAT BINARY)"))
        {
            await reader.ReadLineAsync();
            while (await reader.ReadLineAsync() is { } line)
            {
                var fields = line.Split(',');
                await copy.StartRowAsync();
                for (var c = 0; c < Columns.Length; c++)
                {
                    if (c < fields.Length && fields[c].Length > 0)
                    {
                        await copy.WriteAsync(fields[c], NpgsqlDbType.Text);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }
                }

                rows++;
            }

            await copy.CompleteAsync();
        }

        return (timer.Elapsed.TotalMilliseconds, rows);
    }

    internal static async Task<DatabaseSettings> CopyOfAsync(DatabaseSettings template)
    {
        var builder = new NpgsqlConnectionStringBuilder(template.ConnectionString);
        var name = $"{builder.Database}_pass_{Guid.NewGuid():N}"[..60];
        await using (var admin = new NpgsqlConnection(PostgresServer.Require().AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{builder.Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = name;
        return new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString);
    }

    internal static async Task DropAsync(DatabaseSettings database)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(PostgresServer.Require().AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The hidden command the benchmark runs in a child process: <c>import-roll-seed CONNECTION PEOPLE FILE</c>.</summary>
    public static async Task<int> SeedMainAsync(string connectionString, int people, string file)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The generator adds one older young person with an EHC plan for every 30, so ask for 30/31 of the register.
        var population = DemoDataGenerator.Generate(new DemoOptions(people * 30 / 31 + 1, 1, LaCode), today);
        var register = population.People.Take(people).ToList();
        await using (var db = new DatabaseSettings(DatabaseProvider.Postgres, connectionString).CreateContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Organisations.AddRange(population.Organisations);
            await db.SaveChangesAsync();
            const int batchSize = 1000;
            for (var i = 0; i < register.Count; i += batchSize)
            {
                db.YoungPeople.AddRange(register.Skip(i).Take(batchSize));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            // Fresh tables have no statistics; without them the planner's choices say nothing about production.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        var mix = RollWriter.Write(file, register, population.Schools, today, people);
        Console.WriteLine(mix);
        return 0;
    }

    private static async Task SeedInChildProcessAsync(DatabaseSettings database, int people, string file)
    {
        // In a child process, so the generated population (several hundred MB while it is written) never enters the
        // process whose peak memory is measured; the garbage collector does not hand all of it back afterwards.
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in (string[])[typeof(ImportRollBenchmark).Assembly.Location, SeedCommand, database.ConnectionString, people.ToString(CultureInfo.InvariantCulture), file])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new BenchFailedException("Could not start the seeding process.");
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new BenchFailedException($"The seeding process exited with {child.ExitCode}.");
        }
    }

    /// <summary>
    /// Writes the termly roll of every school in the LA (seed 5). The register holds Years 9 to 13 (the tracking
    /// cohort); the roll lists every pupil the six schools hold: the register's Years 9 to 11 at their school and its
    /// sixth-formers at theirs, mostly as held, some with a new address, a typing slip in a name or a new UPN, and
    /// Years 7 and 8, who are new to Waypoint; a few rows are broken as real rolls are.
    /// </summary>
    private static class RollWriter
    {
        public static string Write(string file, List<YoungPerson> register, IReadOnlyList<Organisation> schools, DateOnly today, int rows)
        {
            var random = new Random(5);
            var lines = new List<string>(rows);
            int moved = 0, typo = 0, newUpn = 0, noUpn = 0, attendance = 0, fresh = 0, bad = 0;
            var badRows = rows / 200;
            foreach (var p in register)
            {
                var school = p.SchoolId is { } id ? schools.FirstOrDefault(s => s.Id == id)
                    : CurrentActivity.Of(p.Activities) is { Code: "210" } sixthForm ? schools.FirstOrDefault(s => s.LaEstab == sixthForm.EstablishmentNumber) : null;
                if (school is null || lines.Count >= rows - badRows)
                {
                    continue;
                }

                var (upn, given, family, line1, postcode) = (p.Upn, p.GivenName, p.FamilyName, p.AddressLine1, p.Postcode);
                var roll = random.NextDouble();
                switch (roll)
                {
                    case < 0.04:
                        (line1, postcode) = (Street(random), Postcode(random));
                        moved++;
                        break;
                    case < 0.05:
                        given = Transpose(given, random);
                        typo++;
                        break;
                    case < 0.06:
                        upn = Upn.Create(LaCode, "5" + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture), today.Year - 1, random.Next(1, 1000));
                        newUpn++;
                        break;
                    case < 0.065:
                        (upn, family) = (null, Transpose(family, random));
                        noUpn++;
                        break;
                }

                var attendancePercent = p.Census?.AttendancePercent ?? 100;
                if (random.NextDouble() < 0.5)
                {
                    attendancePercent = Math.Clamp(attendancePercent + Math.Round((decimal)(random.NextDouble() * 4 - 2), 1), 0, 100);
                    attendance++;
                }

                lines.Add(Line(upn, family, given, p.MiddleNames, p.DateOfBirth, p.Gender, p.EthnicityCode, line1, p.Town, p.County, postcode,
                    school.LaEstab, AcademicAge.YearGroup(p.DateOfBirth, today), p.Census?.FreeSchoolMeals ?? false,
                    p.HasEhcPlan ? "E" : p.HasSenSupport ? "K" : "N", p.Census?.EnglishAdditionalLanguage ?? false, attendancePercent));
            }

            var registerRows = lines.Count;
            var serials = new Dictionary<string, int>();
            while (lines.Count < rows)
            {
                var yearGroup = 7 + random.Next(0, 2);
                var (earliest, latest) = AcademicAge.DateOfBirthRange(yearGroup, today);
                var dob = earliest.AddDays(random.Next(0, latest.DayNumber - earliest.DayNumber + 1));
                var boy = random.Next(2) == 0;
                var school = schools[random.Next(schools.Count)];

                // Years 7 and 8 got their UPNs at primary schools the demo does not model: establishment numbers 2000-2999.
                var primary = "2" + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
                var key = primary + dob.Year;
                var serial = serials[key] = serials.GetValueOrDefault(key) + 1;
                var upn = Upn.Create(LaCode, primary, dob.Year + 5, serial);
                string family = Pick(DemoNames.FamilyNames, random), dobText = dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), postcode = Postcode(random);
                if (lines.Count >= rows - badRows)
                {
                    switch (bad++ % 5)
                    {
                        case 0: upn = upn[..12] + (upn[12] == '9' ? '0' : (char)(upn[12] + 1)); break;
                        case 1: dobText = $"30/02/{dob.Year}"; break;
                        case 2: dobText = today.AddDays(30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture); break;
                        case 3: family = ""; break;
                        default: postcode = "OX99 NOPE"; break;
                    }
                }
                else
                {
                    fresh++;
                }

                lines.Add(string.Join(',', upn, family, Pick(boy ? DemoNames.BoysNames : DemoNames.GirlsNames, random), "", dobText, boy ? "M" : "F",
                    "WBRI", Street(random), "Oxford", "Oxfordshire", postcode, school.LaEstab, yearGroup.ToString(CultureInfo.InvariantCulture),
                    random.NextDouble() < 0.2 ? "Y" : "N", random.NextDouble() < 0.1 ? "K" : "N", "N",
                    Math.Round(90 + random.NextDouble() * 10, 1).ToString(CultureInfo.InvariantCulture)));
            }

            // A roll comes sorted by school and name, so register people and newcomers are mixed in every batch.
            var ordered = lines.OrderBy(l => l.Split(',')[11], StringComparer.Ordinal).ThenBy(l => l.Split(',')[1], StringComparer.Ordinal).ToList();
            File.WriteAllLines(file, [string.Join(',', Columns), .. ordered], new UTF8Encoding(false));
            return string.Create(CultureInfo.InvariantCulture,
                $"Roll: {rows:N0} rows; {registerRows:N0} register people (new address {moved:N0}, given-name typo {typo:N0}, new UPN {newUpn:N0}, no UPN and family-name typo {noUpn:N0}, attendance changed {attendance:N0}); {fresh:N0} new pupils in Years 7 and 8; {bad:N0} bad rows.");
        }

        private static string Line(string? upn, string family, string given, string? middle, DateOnly dob, Gender gender, string ethnicity, string? line1, string? town,
            string? county, string? postcode, string? laEstab, int yearGroup, bool fsm, string sen, bool eal, decimal attendance) =>
            string.Join(',', upn, family, given, middle, dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), gender.ToString(), ethnicity, line1, town, county, postcode,
                laEstab, yearGroup.ToString(CultureInfo.InvariantCulture), fsm ? "Y" : "N", sen, eal ? "Y" : "N", attendance.ToString(CultureInfo.InvariantCulture));

        private static string Transpose(string name, Random random)
        {
            if (name.Length < 3)
            {
                return name;
            }

            var at = random.Next(1, name.Length - 1);
            var chars = name.ToCharArray();
            (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
            return new string(chars);
        }

        private static string Street(Random random) => $"{random.Next(1, 180)} {Pick(DemoNames.Streets, random)}";

        private static string Postcode(Random random) =>
            $"{Pick(DemoNames.Districts, random).District} {random.Next(1, 10)}{"ABDEFGHJLNPQRSTUWXYZ"[random.Next(20)]}{"ABDEFGHJLNPQRSTUWXYZ"[random.Next(20)]}";

        private static T Pick<T>(T[] values, Random random) => values[random.Next(values.Length)];
    }
}

/// <summary>Hidden command <c>import-roll-once TEMPLATE_CONNECTION FILE</c>: one timed import into a copy of a seeded template, for profiling.</summary>
public static class ImportRollOnce
{
    public const string Command = "import-roll-once";

    public static async Task<int> MainAsync(string templateConnection, string file)
    {
        var template = new NpgsqlConnectionStringBuilder(templateConnection);
        var admin = new NpgsqlConnectionStringBuilder(templateConnection) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = $"{template.Database}_once";
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template.Database}\"");
        var copy = new NpgsqlConnectionStringBuilder(templateConnection) { Database = name }.ConnectionString;
        await using var services = CoreServices.Build(new DatabaseSettings(DatabaseProvider.Postgres, copy), TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        using var memory = PeakMemory.Start();
        var timer = Stopwatch.StartNew();
        var outcome = await import.RunAsync(Actor.System("bench"), "931", ImportKind.Roll,
            () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024), "roll.csv", commit: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import: {outcome.RowsRead:N0} rows, created {outcome.Created:N0}, updated {outcome.Updated:N0}, unchanged {outcome.Unchanged:N0}, review {outcome.Review:N0}; {timer.Elapsed.TotalMilliseconds:0} ms, peak {memory.WorkingSetMegabytes:0} MB (heap {memory.HeapMegabytes:0} MB)"));
        return 0;
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
