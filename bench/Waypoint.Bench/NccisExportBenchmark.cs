using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Nccis;
using Waypoint.Core.Nccis.Returns;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Bench;

/// <summary>
/// The monthly NCCIS return for a 100,000-person cohort (issue 4, acceptance point 5): <see cref="NccisExporter"/>
/// writes the file and <see cref="NccisValidator"/> checks it. Baseline, as the issue sets it: a bare pass that reads
/// the same rows with Npgsql (one query: the cohort with its current activity, characteristics and September
/// Guarantee rows) and writes the same XML with <see cref="XmlWriter"/>. The baseline does not validate, so the ratio
/// charges the validator to Waypoint. Both write to a file; before timing, the two files must be byte-for-byte equal.
/// </summary>
public sealed class NccisExportBenchmark : IBenchmark
{
    private const string LaCode = "931";
    private const double PeakGoalMegabytes = 300;

    // The cohort of nccis.md section 6 as NccisExporter.Cohort selects it, with the activity current at the period end
    // (CurrentActivity.Of: latest start, then latest recorded) and the characteristics open at the period end.
    private const string Sql =
        "SELECT y.local_id, y.cohort_status, y.given_name, y.middle_names, y.family_name, y.address_line1, y.address_line2, " +
        "y.address_line3, y.town, y.county, y.postcode, y.gender, y.date_of_birth, y.ethnicity_code, y.lead_la_code, " +
        "y.educated_la_code, y.transferred_to_la_code, y.la_code_at_year11, y.uln, y.upn, y.previous_young_persons_id, " +
        "y.level_of_need, y.has_ehc_plan, y.has_sen_support, y.intended_destination_code, " +
        "g11.status_code, g11.la_code, g12.status_code, g12.la_code, " +
        "ARRAY(SELECT DISTINCT c.code COLLATE \"C\" FROM characteristics AS c WHERE c.young_person_id = y.id AND c.start_date <= $7 " +
        "AND (c.end_date IS NULL OR c.end_date >= $7) ORDER BY 1), " +
        "a.code, a.start_date, a.date_ascertained, a.date_verified, a.review_date, a.predicted_end_date, " +
        "a.establishment_number, a.establishment_name, a.ukprn, a.neet_start_date " +
        "FROM young_people AS y " +
        "LEFT JOIN september_guarantee_offers AS g11 ON g11.young_person_id = y.id AND g11.academic_year = $8 AND g11.year_group = 11 " +
        "LEFT JOIN september_guarantee_offers AS g12 ON g12.young_person_id = y.id AND g12.academic_year = $8 AND g12.year_group = 12 " +
        "LEFT JOIN LATERAL (SELECT * FROM activities AS x WHERE x.young_person_id = y.id AND x.start_date <= $7 " +
        "ORDER BY x.start_date DESC, x.recorded_at DESC LIMIT 1) AS a ON true " +
        "WHERE y.lead_la_code = $1 AND y.date_of_birth >= $2 AND y.date_of_birth <= $3 AND (y.date_of_birth >= $4 OR y.has_ehc_plan) " +
        "AND (y.cohort_status IN ('P', 'G') OR (y.cohort_status_changed_on >= $5 AND y.cohort_status_changed_on <= $6 " +
        "AND y.cohort_status IN ('A', 'L', 'T', 'E', 'M', 'D'))) " +
        "ORDER BY y.local_id";

    public string Name => "nccis-export";
    public string Description => "median of NCCIS export + validation to a file vs bare Npgsql read + XmlWriter write (PostgreSQL, 100,000 in the cohort).";

    public async Task<BenchResult> RunAsync(BenchOptions options)
    {
        if (!PeakMemory.IsSupported)
        {
            throw new BenchFailedException("Measuring the peak of the export alone needs Linux's /proc/self/clear_refs.");
        }

        var cohort = options.People ?? 100_000;
        var iterations = options.RequestedIterations ?? 5;
        var warmup = options.RequestedWarmup ?? 1;
        var clock = TimeProvider.System;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var periodEnd = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);

        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres, "bench_nccis_export");
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding a cohort of {cohort:N0} young people into PostgreSQL (demo generator, seed 1)...");
        await SeedInChildProcessAsync(database, cohort);
        var seeded = await CountAsync(database);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {seeded.People:N0} people, {seeded.Activities:N0} activities, {seeded.Characteristics:N0} characteristics and {seeded.Guarantees:N0} September Guarantee rows, analysed, in {watch.Elapsed.TotalSeconds:0} s."));

        await using var services = CoreServices.Build(database, clock);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var tracking = services.GetRequiredService<TrackingOptions>();
        var currency = services.GetRequiredService<CurrencyCalculator>();
        var validator = new NccisValidator(services.GetRequiredService<CurrencyOptions>());
        var baseline = new BarePass(dataSource, currency, tracking.NccisDatabaseId ?? LaCode, LaCode, periodEnd, today);
        var actor = Actor.System("bench");

        var directory = Directory.CreateTempSubdirectory("waypoint-bench-nccis-");
        var measuredFile = Path.Combine(directory.FullName, "export.xml");
        var baselineFile = Path.Combine(directory.FullName, "baseline.xml");
        try
        {
            var exportTimes = new List<double>();
            var validateTimes = new List<double>();
            async Task<(double Ms, NccisExportResult Export, NccisValidationReport Report)> Measured()
            {
                var timer = Stopwatch.StartNew();
                NccisExportResult export;
                await using (var scope = services.CreateAsyncScope())
                await using (var file = new FileStream(measuredFile, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
                {
                    export = await scope.ServiceProvider.GetRequiredService<NccisExporter>().ExportAsync(actor, LaCode, periodEnd, file);
                }

                exportTimes.Add(timer.Elapsed.TotalMilliseconds);
                NccisValidationReport report;
                await using (var file = new FileStream(measuredFile, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024))
                {
                    report = validator.Validate(file);
                }

                validateTimes.Add(timer.Elapsed.TotalMilliseconds - exportTimes[^1]);
                return (timer.Elapsed.TotalMilliseconds, export, report);
            }

            async Task<(double Ms, int Records)> Baseline()
            {
                var timer = Stopwatch.StartNew();
                var records = await baseline.WriteAsync(baselineFile);
                return (timer.Elapsed.TotalMilliseconds, records);
            }

            // One pass of each first, checked: the same records, the same bytes, and a report that read them all.
            NccisExportResult firstExport;
            NccisValidationReport firstReport;
            using (var capture = await EfCommandCapture.StartAsync())
            {
                (_, firstExport, firstReport) = await Measured();
                capture.Dispose();

                // The plans of the export's reads: the cohort's activities, characteristics, offers and status history, then
                // the people streamed. Writes are left out: a batched write is several statements and EXPLAIN covers only one.
                await QueryPlans.ExplainAsync(dataSource, capture.Statements.Where(s => s.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).Take(5), failOnFullScan: false);
            }

            var baselineRecords = (await Baseline()).Records;
            if (firstExport.RecordCount != seeded.People || baselineRecords != seeded.People)
            {
                throw new BenchFailedException($"Seeded {seeded.People:N0} in the cohort, but the export wrote {firstExport.RecordCount:N0} and the baseline {baselineRecords:N0} records.");
            }

            if (!SameBytes(measuredFile, baselineFile))
            {
                throw new BenchFailedException($"The baseline's file is not the export's byte for byte; compare {measuredFile} and {baselineFile}.");
            }

            if (firstReport.RecordCount != firstExport.RecordCount || firstReport.Refused)
            {
                throw new BenchFailedException($"The validator read {firstReport.RecordCount:N0} of {firstExport.RecordCount:N0} records.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Export: {firstExport.RecordCount:N0} records ({string.Join(", ", firstExport.ByCohortStatus.Select(s => $"{s.Key} {s.Value:N0}"))}), {firstExport.FileBytes / 1024d / 1024d:0.0} MB, sha256 {firstExport.FileSha256}; identical to the baseline's file."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Validation: {(firstReport.IsClean ? "clean" : "NOT clean")}; totals {(firstReport.Totals.Count == 0 ? "none" : string.Join(", ", firstReport.Totals.Select(t => $"{t.Key}: {t.Value:N0}")))}; {firstReport.RecordErrors.Count:N0} record errors listed (908 suspected duplicates are listed but not counted)."));

            var setUpPeak = BenchResult.PeakMegabytes;
            for (var i = 1; i < warmup; i++)
            {
                await Measured();
                await Baseline();
            }

            var measuredTimes = new List<double>();
            var baselineTimes = new List<double>();
            double peak = 0, heap = 0, baselinePeak = 0;
            for (var i = 0; i < iterations; i++)
            {
                // Alternate which goes first, so neither always runs on a cache the other warmed.
                foreach (var measuredTurn in i % 2 == 0 ? [true, false] : (bool[])[false, true])
                {
                    using var memory = PeakMemory.Start();
                    if (measuredTurn)
                    {
                        measuredTimes.Add((await Measured()).Ms);
                        peak = Math.Max(peak, memory.WorkingSetMegabytes);
                        heap = Math.Max(heap, memory.HeapMegabytes);
                    }
                    else
                    {
                        baselineTimes.Add((await Baseline()).Ms);
                        baselinePeak = Math.Max(baselinePeak, memory.WorkingSetMegabytes);
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  pass {i + 1}: export + validate {measuredTimes[^1]:0} ms (export {exportTimes[^1]:0}, validate {validateTimes[^1]:0}), baseline {baselineTimes[^1]:0} ms, ratio {measuredTimes[^1] / baselineTimes[^1]:0.00}"));
            }

            var (measured, bare) = (Stats.Median(measuredTimes), Stats.Median(baselineTimes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Medians: export {Stats.Median(exportTimes[^iterations..]):0} ms, validate {Stats.Median(validateTimes[^iterations..]):0} ms, export + validate {measured:0} ms, baseline {bare:0} ms."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak during the export + validation passes: working set {peak:0} MB, managed heap {heap:0} MB (baseline passes: working set {baselinePeak:0} MB; this process before the timed passes, checked first passes included: {setUpPeak:0} MB)."));
            return BenchResult.OfMedianSeconds(measured, bare, 2) with
            {
                Peak = peak,
                PeakGoal = PeakGoalMegabytes,
            };
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record Seeded(int People, int Activities, int Characteristics, int Guarantees);

    /// <summary>The hidden command the benchmark runs in a child process: <c>nccis-export-seed CONNECTION COHORT</c>.</summary>
    public const string SeedCommand = "nccis-export-seed";

    public static async Task<int> SeedMainAsync(string connectionString, int cohort)
    {
        await SeedAsync(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), cohort, DateOnly.FromDateTime(DateTime.UtcNow));
        return 0;
    }

    /// <summary>
    /// Seeds in a child process, so the generated population (several hundred MB while it is written) never enters
    /// the process whose peak memory is measured; the garbage collector does not hand all of it back afterwards.
    /// </summary>
    private static async Task SeedInChildProcessAsync(DatabaseSettings database, int cohort)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in (string[])[typeof(NccisExportBenchmark).Assembly.Location, SeedCommand, database.ConnectionString, cohort.ToString(CultureInfo.InvariantCulture)])
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

    private static async Task<Seeded> CountAsync(DatabaseSettings database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM young_people)::int, (SELECT count(*) FROM activities)::int, " +
            "(SELECT count(*) FROM characteristics)::int, (SELECT count(*) FROM september_guarantee_offers)::int", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Seeded(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    /// <summary>
    /// The demo generator's LA cut down to the NCCIS cohort. The generator makes Years 9 to 13 in equal numbers plus
    /// one older young person with an EHC plan for every 30; Years 9 and 10 are not in the cohort, so it generates
    /// 30/19 as many people and keeps Year 11 and above. Real records carry history the demo leaves out: everyone past
    /// Year 11 gets their Year 11 school activity too, which the export must read and pass over for the current one.
    /// </summary>
    private static async Task SeedAsync(DatabaseSettings database, int cohort, DateOnly today)
    {
        var population = DemoDataGenerator.Generate(new DemoOptions((int)Math.Ceiling(cohort * 30d / 19), 1, LaCode), today);
        var people = population.People.Where(p => AcademicAge.YearGroup(p.DateOfBirth, today) >= 11).ToList();
        var currency = new CurrencyCalculator(new CurrencyOptions());
        var schools = population.Schools;
        foreach (var person in people)
        {
            var yearGroup = AcademicAge.YearGroup(person.DateOfBirth, today);
            if (yearGroup >= 12)
            {
                var school = schools[int.Parse(person.LocalId, CultureInfo.InvariantCulture) % schools.Count];
                var start = new DateOnly(AcademicAge.AcademicYearStart(today) - (yearGroup - 11), 9, 4);
                person.Activities.Add(new Waypoint.Core.YoungPeople.Activity
                {
                    YoungPersonId = person.Id,
                    Code = "110",
                    StartDate = start,
                    DateAscertained = start,
                    DateVerified = start.AddDays(30),
                    PredictedEndDate = new DateOnly(start.Year + 1, 7, 31),
                    EstablishmentNumber = school.LaEstab,
                    EstablishmentName = school.Name,
                    Source = "School census",
                    RecordedAt = start.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                });
                CurrentActivity.Apply(person, currency);
            }
        }

        await using (var db = database.CreateContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Organisations.AddRange(population.Organisations);
            await db.SaveChangesAsync();
            const int batchSize = 1000;
            for (var i = 0; i < people.Count; i += batchSize)
            {
                db.YoungPeople.AddRange(people.Skip(i).Take(batchSize));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            // Fresh tables have no statistics; without them the planner's choices say nothing about production.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

    }

    private static bool SameBytes(string a, string b)
    {
        using var left = new BufferedStream(File.OpenRead(a), 64 * 1024);
        using var right = new BufferedStream(File.OpenRead(b), 64 * 1024);
        if (left.Length != right.Length)
        {
            return false;
        }

        int x;
        while ((x = left.ReadByte()) >= 0)
        {
            if (x != right.ReadByte())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The baseline: one Npgsql query streamed through a data reader into an <see cref="XmlWriter"/>, writing the
    /// elements NccisExporter writes in the same order. It shares only pure helpers with Waypoint (the currency rule
    /// for DueToLapseDate), so it does the same work without EF, entities, batching or the submission row.
    /// </summary>
    private sealed class BarePass(NpgsqlDataSource dataSource, CurrencyCalculator currency, string databaseId, string laCode, DateOnly periodEnd, DateOnly today)
    {
        public async Task<int> WriteAsync(string path)
        {
            var (_, youngestBorn) = AcademicAge.DateOfBirthRange(11, periodEnd);
            var (oldestWithoutPlan, _) = AcademicAge.DateOfBirthRange(13, periodEnd);
            var (oldestBorn, _) = AcademicAge.DateOfBirthRange(20, periodEnd);
            var monthStart = new DateOnly(periodEnd.Year, periodEnd.Month, 1);
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(Sql, connection)
            {
                Parameters =
                {
                    new() { Value = laCode }, new() { Value = oldestBorn }, new() { Value = youngestBorn }, new() { Value = oldestWithoutPlan },
                    new() { Value = monthStart }, new() { Value = monthStart.AddMonths(1).AddDays(-1) }, new() { Value = periodEnd },
                    new() { Value = AcademicAge.AcademicYearStart(periodEnd) },
                },
            };
            await using var reader = await command.ExecuteReaderAsync();
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
            using var xml = XmlWriter.Create(file, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false, Indent = false });
            xml.WriteStartDocument();
            xml.WriteStartElement("NCCIS");
            xml.WriteStartElement("FileHeader");
            xml.WriteStartElement("Databases");
            xml.WriteElementString("DatabaseId", databaseId);
            xml.WriteEndElement();
            xml.WriteStartElement("SourceLEAs");
            xml.WriteElementString("LEACode", laCode);
            xml.WriteEndElement();
            xml.WriteElementString("DateOfSend", Date(today));
            xml.WriteElementString("PeriodEnd", Date(periodEnd));
            xml.WriteElementString("SupplierName", NccisExporter.SupplierName);
            xml.WriteElementString("SupplierXMLVersion", typeof(NccisExporter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
            xml.WriteElementString("XMLSchemaVersion", NccisExporter.SchemaVersion);
            xml.WriteEndElement();

            var records = 0;
            while (await reader.ReadAsync())
            {
                WriteRecord(xml, reader);
                records++;
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
            return records;
        }

        private void WriteRecord(XmlWriter xml, NpgsqlDataReader r)
        {
            xml.WriteStartElement("YoungPersonsRecord");
            xml.WriteStartElement("PersonalDetails");
            var cohortStatus = r.GetString(1);
            xml.WriteElementString("YoungPersonsID", databaseId + r.GetString(0).PadLeft(10, '0'));
            xml.WriteElementString("CohortStatus", cohortStatus);
            xml.WriteElementString("GivenName", r.GetString(2));
            Optional(xml, "MiddleName", Text(r, 3));
            xml.WriteElementString("FamilyName", r.GetString(4));
            Optional(xml, "AddressLine1", Text(r, 5));
            Optional(xml, "AddressLine2", Text(r, 6));
            Optional(xml, "AddressLine3", Text(r, 7));
            Optional(xml, "Town", Text(r, 8));
            Optional(xml, "County", Text(r, 9));
            Optional(xml, "Postcode", Text(r, 10));
            xml.WriteElementString("Gender", r.GetString(11));
            xml.WriteElementString("DOB", Date(r.GetFieldValue<DateOnly>(12)));
            xml.WriteElementString("Ethnicity", Text(r, 13));
            xml.WriteElementString("LeadLEA", r.GetString(14));
            xml.WriteElementString("EducatedLEA", Text(r, 15) ?? "004");
            Optional(xml, "TransferredToLACode", cohortStatus is "T" or "E" ? Text(r, 16) : null);
            Optional(xml, "LEACodeAtYear11", Text(r, 17));
            Optional(xml, "UniqueLearnerNo", Text(r, 18));
            Optional(xml, "UniquePupilNumber", Text(r, 19));
            Optional(xml, "GuaranteeStatusIndicator", !r.IsDBNull(25) || !r.IsDBNull(27) ? "Y" : null);
            Optional(xml, "PreviousYPIDIdentifier", Text(r, 20));
            xml.WriteEndElement();

            if (!r.IsDBNull(25) || !r.IsDBNull(27))
            {
                xml.WriteStartElement("SeptemberGuarantee");
                Guarantee(xml, r, 25, "Year11");
                Guarantee(xml, r, 27, "Year12");
                xml.WriteEndElement();
            }

            var ehcPlan = r.GetBoolean(22);
            xml.WriteStartElement("LevelOfNeed");
            xml.WriteElementString("LevelOfNeedCode", r.GetInt32(21).ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("SENDFlag", YesNo(ehcPlan));
            xml.WriteElementString("SENSupportFlag", YesNo(r.GetBoolean(23) && !ehcPlan));
            var characteristics = r.GetFieldValue<string[]>(29);
            if (characteristics.Length > 0)
            {
                xml.WriteStartElement("Characteristics");
                foreach (var code in characteristics)
                {
                    xml.WriteElementString("CharacteristicCode", code);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();

            if (!r.IsDBNull(30))
            {
                var code = r.GetString(30);
                var ascertained = r.GetFieldValue<DateOnly>(32);
                var verified = Day(r, 33) is { } day && day <= periodEnd ? day : (DateOnly?)null;
                var review = Day(r, 34);
                var predictedEnd = Day(r, 35);
                var due = currency.DueToLapseDate(code, ascertained, verified, review, predictedEnd);
                xml.WriteStartElement("Activities");
                xml.WriteStartElement("Cohort");
                xml.WriteElementString("ActivityCode", code);
                xml.WriteElementString("StartDate", Date(r.GetFieldValue<DateOnly>(31)));
                xml.WriteElementString("DateAscertained", Date(ascertained));
                Optional(xml, "DateVerified", verified);
                Optional(xml, "ReviewDate", review);
                Optional(xml, "DueToLapseDate", due);
                xml.WriteElementString("CurrencyLapsed", YesNo(CurrencyCalculator.IsLapsed(due, periodEnd)));
                Optional(xml, "EstablishmentNumber", Text(r, 36));
                Optional(xml, "EstablishmentName", Text(r, 37));
                Optional(xml, "UKProviderReferenceNumber", Text(r, 38));
                Optional(xml, "NEETStartDate", Day(r, 39));
                Optional(xml, "PredictedEndDate", predictedEnd);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            if (Text(r, 24) is { } destination)
            {
                xml.WriteStartElement("IntendedDestination");
                xml.WriteElementString("IntendedDestinationYr11", destination);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void Guarantee(XmlWriter xml, NpgsqlDataReader r, int column, string name)
        {
            if (!r.IsDBNull(column))
            {
                xml.WriteStartElement(name);
                xml.WriteElementString("GuaranteeStatus", r.GetString(column));
                xml.WriteElementString("LEACode", r.GetString(column + 1));
                xml.WriteEndElement();
            }
        }

        private static string? Text(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

        private static DateOnly? Day(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetFieldValue<DateOnly>(column);

        private static void Optional(XmlWriter xml, string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                xml.WriteElementString(name, value);
            }
        }

        private static void Optional(XmlWriter xml, string name, DateOnly? value)
        {
            if (value is { } date)
            {
                xml.WriteElementString(name, Date(date));
            }
        }

        private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string YesNo(bool value) => value ? "Y" : "N";
    }
}
