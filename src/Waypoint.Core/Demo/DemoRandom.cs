namespace Waypoint.Core.Demo;

/// <summary>The draws the demo generators share, on their own seeded <see cref="Random"/> so a seed gives the same data.</summary>
internal static class DemoRandom
{
    /// <summary>One code, chosen in proportion to its weight.</summary>
    public static string PickWeighted(this Random random, (string Code, double Weight)[] items)
    {
        var roll = random.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (code, weight) in items)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return code;
            }
        }

        return items[^1].Code;
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Poisson draw (Knuth), capped at 20.</summary>
    public static int Poisson(this Random random, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit && count < 20)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }

    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
