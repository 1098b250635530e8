using Waypoint.Bench;

var benchmarks = new IBenchmark[]
{
    new RecordOpenBenchmark(),
};

if (args.Length == 0 || args[0] is "list" or "--help" or "-h")
{
    Console.WriteLine("Usage: dotnet run -c Release --project bench/Waypoint.Bench -- <name> [--people N]");
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
var result = await benchmark.RunAsync(options);
Console.WriteLine(result.Line(benchmark.Name));
return result.Ratio <= result.Goal ? 0 : 1;
