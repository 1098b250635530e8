namespace Waypoint.Bench;

// An explicit entry class rather than top-level statements: those would declare a global Program that hides the
// web app's Program, which WebApplicationFactory<Program> needs.
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var benchmarks = new IBenchmark[]
        {
            new RecordOpenBenchmark(),
            new NotKnownPageBenchmark(),
            new YoungPersonPageBenchmark(),
            new NccisExportBenchmark(),
            new ImportRollBenchmark(),
            new ImportRollFloorBenchmark(),
            new MyDayBenchmark(),
            new RiskScoreBenchmark(),
            new CareersMeasuresBenchmark(),
            new CourseSearchBenchmark(),
        };

        if (args is [NccisExportBenchmark.SeedCommand, var connectionString, var cohort])
        {
            return await NccisExportBenchmark.SeedMainAsync(connectionString, int.Parse(cohort, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (args is [ImportRollBenchmark.SeedCommand, var rollConnectionString, var people, var file])
        {
            return await ImportRollBenchmark.SeedMainAsync(rollConnectionString, int.Parse(people, System.Globalization.CultureInfo.InvariantCulture), file);
        }

        if (args is [ImportRollOnce.Command, var onceConnection, var onceFile])
        {
            return await ImportRollOnce.MainAsync(onceConnection, onceFile);
        }

        if (args.Length == 0 || args[0] is "list" or "--help" or "-h")
        {
            Console.WriteLine("Usage: dotnet run -c Release --project bench/Waypoint.Bench -- <name> [--people N] [--iterations N] [--warmup N]");
            Console.WriteLine("Benchmarks:");
            foreach (var b in benchmarks)
            {
                Console.WriteLine($"  {b.Name,-20} {b.Description}");
            }

            return args.Length == 0 ? 2 : 0;
        }

        var benchmark = benchmarks.FirstOrDefault(b => b.Name == args[0]);
        if (benchmark is null)
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark '{args[0]}'. Run with 'list' to see them.");
            return 2;
        }

        var options = BenchOptions.Parse(args.Skip(1).ToArray());
        BenchResult result;
        try
        {
            result = await benchmark.RunAsync(options);
        }
        catch (BenchFailedException ex)
        {
            await Console.Error.WriteLineAsync($"{benchmark.Name}: FAILED: {ex.Message}");
            return 1;
        }

        Console.WriteLine(result.Line(benchmark.Name));
        return result.MetGoals ? 0 : 1;
    }
}
