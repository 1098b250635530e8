using System.Diagnostics;
using System.Globalization;

namespace Waypoint.Bench;

public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<BenchResult> RunAsync(BenchOptions options);
}

/// <summary>The command line's options; a benchmark whose passes are long sets its own defaults for the counts not given.</summary>
public sealed record BenchOptions(int? People, int? RequestedIterations, int? RequestedWarmup)
{
    public int Iterations => RequestedIterations ?? 400;
    public int Warmup => RequestedWarmup ?? 50;

    public static BenchOptions Parse(string[] args)
    {
        int? people = null;
        int? iterations = null;
        int? warmup = null;
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
    /// <summary>
    /// The peak working set of the measured work alone, in MB, for a benchmark whose set-up (seeding) would otherwise
    /// set the process's peak; null reports the whole process's peak.
    /// </summary>
    public double? Peak { get; init; }

    /// <summary>The limit on the peak, where it sets one: a peak over it fails the run as a missed ratio does.</summary>
    public double? PeakGoal { get; init; }

    public bool MetGoals => Ratio <= Goal && (PeakGoal is not { } limit || (Peak ?? PeakMegabytes) <= limit);

    /// <summary>Two medians in milliseconds, reported in seconds, for the benchmarks whose passes take seconds.</summary>
    public static BenchResult OfMedianSeconds(double measuredMs, double baselineMs, double goal) => new(
        string.Create(CultureInfo.InvariantCulture, $"median {measuredMs / 1000:0.00} s"),
        string.Create(CultureInfo.InvariantCulture, $"median {baselineMs / 1000:0.00} s"),
        measuredMs / baselineMs,
        goal);

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
        $"{name}: {Measured} vs {Baseline} = ratio {Ratio:0.00} (goal <= {Goal:0.##}) peak {Peak ?? PeakMegabytes:0} MB");
}

/// <summary>
/// Peak memory over one stretch of a run rather than the process's life. On Linux, writing 5 to /proc/self/clear_refs
/// resets the kernel's high-water mark of resident memory (VmHWM, which <see cref="Process.PeakWorkingSet64"/> reads),
/// so seeding before the stretch does not count. The managed heap is sampled as well, every 10 ms.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Timer timer;
    private long heapBytes;

    private PeakMemory()
    {
        // A full collection first, so garbage left by earlier work is not charged to this stretch.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
        heapBytes = GC.GetTotalMemory(false);
        timer = new Timer(_ => Sample(), null, 0, 10);
    }

    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists("/proc/self/clear_refs");

    /// <summary>The peak working set since the start, in MB.</summary>
    public double WorkingSetMegabytes => BenchResult.PeakMegabytes;

    /// <summary>The largest managed heap seen since the start, in MB.</summary>
    public double HeapMegabytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref heapBytes) / 1024d / 1024d;
        }
    }

    public static PeakMemory Start() => new();

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        while (now > (seen = Interlocked.Read(ref heapBytes)) && Interlocked.CompareExchange(ref heapBytes, now, seen) != seen)
        {
        }
    }
}

public static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
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
