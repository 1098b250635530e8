using Microsoft.Extensions.Configuration;

namespace Waypoint.Core.Matching;

/// <summary>
/// The two score thresholds (in bits of evidence, see <see cref="MatchScorer"/>). Set under <c>Matching</c>; the
/// defaults were chosen on the seeded test population in tests/Waypoint.Core.Tests/Matching.
/// </summary>
public sealed class MatchingOptions
{
    /// <summary>At or above: an automatic match, unless a safety bar sends it to review.</summary>
    public double UpperThreshold { get; set; } = 20;

    /// <summary>Below: a new person. Between the thresholds: the review queue.</summary>
    public double LowerThreshold { get; set; } = 9;

    public static MatchingOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new MatchingOptions();
        configuration.GetSection("Matching").Bind(options);
        if (options.LowerThreshold > options.UpperThreshold)
        {
            throw new InvalidOperationException($"Matching:LowerThreshold ({options.LowerThreshold}) is above Matching:UpperThreshold ({options.UpperThreshold}).");
        }

        return options;
    }
}
