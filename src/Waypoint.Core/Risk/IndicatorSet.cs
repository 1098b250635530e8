using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waypoint.Core.Risk;

public enum RiskBand
{
    None,
    /// <summary>Additional support should be offered (may not be needed).</summary>
    OfferSupport,
    /// <summary>Additional support needed.</summary>
    AdditionalSupport,
    /// <summary>Substantial support needed to avoid becoming NEET.</summary>
    SubstantialSupport,
}

/// <summary>
/// One indicator with its points. <see cref="Threshold"/> is the attendance percentage below which, or the count of
/// suspensions or school moves at or above which, or the key stage 2 score below which the rule applies; the other
/// indicators have none.
/// </summary>
public sealed record IndicatorRule(RiskIndicator Indicator, int Points, decimal? Threshold = null)
{
    public bool Applies(in RiskInputs p) => Indicator switch
    {
        RiskIndicator.Attendance => p.AttendancePercent < Threshold,
        RiskIndicator.Suspensions => p.Suspensions >= (Threshold ?? 1),
        RiskIndicator.PermanentExclusion => p.PermanentExclusions > 0,
        RiskIndicator.FreeSchoolMeals => p.FreeSchoolMeals,
        RiskIndicator.SenSupport => p.SenSupport && !p.EhcPlan,
        RiskIndicator.EhcPlan => p.EhcPlan,
        RiskIndicator.EnglishAdditionalLanguage => p.EnglishAdditionalLanguage,
        RiskIndicator.LookedAfter => p.LookedAfter,
        RiskIndicator.ChildInNeed => p.ChildInNeed,
        RiskIndicator.YoungCarer => p.YoungCarer,
        RiskIndicator.PregnantOrParent => p.PregnantOrParent,
        RiskIndicator.YouthJustice => p.YouthJustice,
        RiskIndicator.AlternativeProvision => p.AlternativeProvision,
        RiskIndicator.SchoolMoves => p.SchoolMoves >= (Threshold ?? 1),
        RiskIndicator.LowPriorAttainment => p.Ks2ScaledScore is { } ks2 && ks2 < (Threshold ?? 100),
        _ => false,
    };
}

/// <summary>
/// The rules and band boundaries of one indicator set version. Bands: points at or above <see cref="SubstantialFrom"/>
/// substantial, at or above <see cref="AdditionalFrom"/> additional, at or above <see cref="OfferFrom"/> offer support.
/// Pupils at or above <see cref="ListFrom"/> are on the at-risk list and count as flagged in the back-test.
/// </summary>
public sealed record IndicatorSetDefinition(IReadOnlyList<IndicatorRule> Rules, int OfferFrom = 1, int AdditionalFrom = 2, int SubstantialFrom = 4, int ListFrom = 4)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The Oxfordshire-style scheme of roni.md 1.2. The exclusion bands are an UNCONFIRMED proxy: one suspension 1 point,
    /// four or more (about 20 days) or a permanent exclusion 2 points.
    /// </summary>
    public static IndicatorSetDefinition OxfordshireDefault { get; } = new(
    [
        new(RiskIndicator.Attendance, 1, 90m),
        new(RiskIndicator.Attendance, 2, 85m),
        new(RiskIndicator.EnglishAdditionalLanguage, 1),
        new(RiskIndicator.SenSupport, 1),
        new(RiskIndicator.EhcPlan, 2),
        new(RiskIndicator.Suspensions, 1, 1),
        new(RiskIndicator.Suspensions, 2, 4),
        new(RiskIndicator.PermanentExclusion, 2),
        new(RiskIndicator.AlternativeProvision, 1),
        new(RiskIndicator.LookedAfter, 2),
        new(RiskIndicator.PregnantOrParent, 2),
        new(RiskIndicator.FreeSchoolMeals, 2),
        new(RiskIndicator.YoungCarer, 2),
        new(RiskIndicator.YouthJustice, 2),
    ]);

    public RiskBand BandFor(int points) =>
        points >= SubstantialFrom ? RiskBand.SubstantialSupport
        : points >= AdditionalFrom ? RiskBand.AdditionalSupport
        : points >= OfferFrom ? RiskBand.OfferSupport
        : RiskBand.None;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IndicatorSetDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<IndicatorSetDefinition>(json, Json) ?? throw new InvalidOperationException("Empty indicator set.");

    /// <summary>What is wrong with a set an LA has written, for the page to show; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Rules.Count == 0)
        {
            problems.Add("Give at least one indicator points");
        }

        if (Rules.Any(r => r.Points is < 0 or > 10))
        {
            problems.Add("Points must be between 0 and 10");
        }

        if (Rules.Any(r => r.Indicator is RiskIndicator.Attendance or RiskIndicator.LowPriorAttainment && r.Threshold is null))
        {
            problems.Add("Attendance and prior attainment indicators need a threshold");
        }

        if (!(OfferFrom >= 1 && OfferFrom <= AdditionalFrom && AdditionalFrom <= SubstantialFrom))
        {
            problems.Add("Band boundaries must rise: offer support, then additional, then substantial");
        }

        if (ListFrom < 1)
        {
            problems.Add("The at-risk list must start at 1 point or more");
        }

        return problems;
    }
}

public sealed record RiskReason(RiskIndicator Indicator, string Text, int Points);

public sealed record PointsResult(int Points, RiskBand Band, IReadOnlyList<RiskReason> Reasons)
{
    /// <summary>"attendance 84% (2 points), SEN support (1), young carer (2)": the first reason says "points", the rest only the number.</summary>
    public string ReasonText => FormatReasons(Reasons);

    public static string FormatReasons(IReadOnlyList<RiskReason> reasons) => reasons.Count == 0
        ? "no indicators"
        : string.Join(", ", reasons.Select((r, i) => i == 0
            ? $"{r.Text} ({r.Points} {(r.Points == 1 ? "point" : "points")})"
            : $"{r.Text} ({r.Points})"));
}

/// <summary>Scores pupils against one indicator set: a rule of a kind with several bands counts once, at its highest.</summary>
public sealed class PointsScorer
{
    private readonly IndicatorSetDefinition definition;
    private readonly IndicatorRule[][] groups;

    public PointsScorer(IndicatorSetDefinition definition)
    {
        this.definition = definition;
        groups = definition.Rules.Where(r => r.Points > 0).GroupBy(r => r.Indicator)
            .Select(g => g.OrderByDescending(r => r.Points).ToArray()).ToArray();
    }

    public IndicatorSetDefinition Definition => definition;

    /// <summary>The points alone, without reasons: the fast path for back-tests and bulk scoring.</summary>
    public int Points(in RiskInputs inputs)
    {
        var total = 0;
        foreach (var group in groups)
        {
            foreach (var rule in group)
            {
                if (rule.Applies(inputs))
                {
                    total += rule.Points;
                    break;
                }
            }
        }

        return total;
    }

    /// <summary>The points, writing the reason text (as <see cref="PointsResult.ReasonText"/> reads) to <paramref name="text"/>.</summary>
    public int WriteReasons(in RiskInputs inputs, StringBuilder text)
    {
        var total = 0;
        var count = 0;
        foreach (var group in groups)
        {
            foreach (var rule in group)
            {
                if (rule.Applies(inputs))
                {
                    if (count > 0)
                    {
                        text.Append(", ");
                    }

                    rule.Indicator.AppendDescription(inputs, text);
                    text.Append(" (").Append(rule.Points);
                    if (count == 0)
                    {
                        text.Append(rule.Points == 1 ? " point" : " points");
                    }

                    text.Append(')');
                    total += rule.Points;
                    count++;
                    break;
                }
            }
        }

        if (count == 0)
        {
            text.Append("no indicators");
        }

        return total;
    }

    public PointsResult Score(in RiskInputs inputs)
    {
        var reasons = new List<RiskReason>();
        var total = 0;
        foreach (var group in groups)
        {
            foreach (var rule in group)
            {
                if (rule.Applies(inputs))
                {
                    reasons.Add(new RiskReason(rule.Indicator, rule.Indicator.Describe(inputs), rule.Points));
                    total += rule.Points;
                    break;
                }
            }
        }

        return new PointsResult(total, definition.BandFor(total), reasons);
    }
}
