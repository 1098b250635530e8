using System.Diagnostics;
using System.Globalization;

namespace Waypoint.Bench;

public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<BenchResult> RunAsync(BenchOptions options);
}

public sealed record BenchOptions(int? People, int Iterations, int Warmup)
{
    public static BenchOptions Parse(string[] args)
    {
        int? people = null;
        var iterations = 400;
        var warmup = 50;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--people": people = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--iterations": iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: break;
            }
        }

        return new BenchOptions(people, iterations, warmup);
    }
}

/// <summary>One measured figure against its baseline from the same run, with the goal the issue sets for the ratio.</summary>
public sealed record BenchResult(string Measured, string Baseline, double Ratio, double Goal)
{
    public static double PeakMegabytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return process.PeakWorkingSet64 / 1024d / 1024d;
        }
    }

    public string Line(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {Measured} vs {Baseline} = ratio {Ratio:0.00} (goal <= {Goal:0.##}) peak {PeakMegabytes:0} MB");
}

public static class Latency
{
    /// <summary>Runs the operations interleaved (so drift in the machine hits both alike) and returns each one's 95th percentile in ms.</summary>
    public static async Task<(double Measured, double Baseline)> P95Async(BenchOptions options, Func<int, Task> measured, Func<int, Task> baseline)
    {
        var p95 = await P95Async(options, [measured, baseline]);
        return (p95[0], p95[1]);
    }

    /// <summary>As above for any number of operations, for a benchmark that also reports a secondary baseline.</summary>
    public static async Task<double[]> P95Async(BenchOptions options, IReadOnlyList<Func<int, Task>> operations)
    {
        for (var i = 0; i < options.Warmup; i++)
        {
            foreach (var operation in operations)
            {
                await operation(i);
            }
        }

        var times = operations.Select(_ => new List<double>(options.Iterations)).ToArray();
        var watch = new Stopwatch();
        for (var i = 0; i < options.Iterations; i++)
        {
            for (var o = 0; o < operations.Count; o++)
            {
                watch.Restart();
                await operations[o](i);
                times[o].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times.Select(t => Percentile(t, 0.95)).ToArray();
    }

    private static double Percentile(List<double> values, double p)
    {
        values.Sort();
        var index = (int)Math.Ceiling(p * values.Count) - 1;
        return values[Math.Clamp(index, 0, values.Count - 1)];
    }
}

/// <summary>A benchmark that cannot give a valid figure (a wrong response, a query plan that scans); the run exits 1 with the message.</summary>
public sealed class BenchFailedException : Exception
{
    public BenchFailedException()
    {
    }

    public BenchFailedException(string message)
        : base(message)
    {
    }

    public BenchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
