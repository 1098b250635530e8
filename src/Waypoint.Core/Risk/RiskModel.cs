using System.Globalization;
using System.Text.Json;

namespace Waypoint.Core.Risk;

/// <summary>
/// The model's inputs. Only the indicators' own data: never gender, ethnicity or anything standing in for them.
/// Attendance enters twice (a slope from 95% and a steeper one below 85%) and with free school meals, so that the
/// model can follow the bend and the interaction a points scheme cannot.
/// </summary>
public static class RiskFeatures
{
    public static readonly string[] Names =
    [
        "attendance", "attendance below 85%", "suspensions", "permanent exclusion", "free school meals", "SEN support",
        "EHC plan", "English as an additional language", "looked after", "child in need", "young carer",
        "pregnant or young parent", "youth justice", "alternative provision", "school moves", "key stage 2 score",
        "key stage 2 score not known", "free school meals with low attendance",
    ];

    public static int Count => Names.Length;

    public static void Fill(in RiskInputs p, Span<double> x)
    {
        var attendance = (double)p.AttendancePercent;
        var deficit = Math.Max(0, 95 - attendance) / 5;
        x[0] = deficit;
        x[1] = Math.Max(0, 85 - attendance) / 5;
        x[2] = Math.Log(1 + p.Suspensions);
        x[3] = p.PermanentExclusions > 0 ? 1 : 0;
        x[4] = p.FreeSchoolMeals ? 1 : 0;
        x[5] = p.SenSupport && !p.EhcPlan ? 1 : 0;
        x[6] = p.EhcPlan ? 1 : 0;
        x[7] = p.EnglishAdditionalLanguage ? 1 : 0;
        x[8] = p.LookedAfter ? 1 : 0;
        x[9] = p.ChildInNeed ? 1 : 0;
        x[10] = p.YoungCarer ? 1 : 0;
        x[11] = p.PregnantOrParent ? 1 : 0;
        x[12] = p.YouthJustice ? 1 : 0;
        x[13] = p.AlternativeProvision ? 1 : 0;
        x[14] = Math.Log(1 + p.SchoolMoves);
        x[15] = p.Ks2ScaledScore is { } ks2 ? Math.Max(0, 105 - ks2) / 5.0 : 0;
        x[16] = p.Ks2ScaledScore is null ? 1 : 0;
        x[17] = p.FreeSchoolMeals ? deficit : 0;
    }

    public static double[] Of(in RiskInputs p)
    {
        var x = new double[Count];
        Fill(p, x);
        return x;
    }

    /// <summary>How a factor reads for one pupil in an explanation.</summary>
    public static string Describe(int feature, in RiskInputs p) => feature switch
    {
        0 or 1 => string.Create(CultureInfo.InvariantCulture, $"attendance {p.AttendancePercent:0.#}%"),
        2 => string.Create(CultureInfo.InvariantCulture, $"suspensions {p.Suspensions}"),
        14 => string.Create(CultureInfo.InvariantCulture, $"school moves {p.SchoolMoves}"),
        15 => string.Create(CultureInfo.InvariantCulture, $"key stage 2 score {p.Ks2ScaledScore}"),
        17 => string.Create(CultureInfo.InvariantCulture, $"free school meals with attendance {p.AttendancePercent:0.#}%"),
        _ => Names[feature],
    };
}

public sealed record ModelFactor(string Text, double Contribution);

public sealed record ModelScore(double Probability, IReadOnlyList<ModelFactor> Factors)
{
    /// <summary>"attendance 78% (+0.92), suspensions 3 (+0.41)": contributions on the log-odds scale against the average pupil.</summary>
    public string FactorText => Factors.Count == 0
        ? "no factor moves this pupil far from the average"
        : string.Join(", ", Factors.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Text} ({f.Contribution:+0.00;-0.00})")));
}

/// <summary>
/// A fitted, calibrated model: raw-scale weights, the training means (the "average pupil" contributions are measured
/// from), and Platt's a and b. Explanations are exact for a linear model: each factor's contribution is its weight
/// times how far the pupil's value is from the mean, scaled by the calibration's slope.
/// </summary>
public sealed record RiskModel(double Intercept, double[] Weights, double[] Means, double PlattA, double PlattB)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static RiskModel Train(IReadOnlyList<RiskInputs> fit, IReadOnlyList<bool> fitOutcomes, IReadOnlyList<RiskInputs> calibrate, IReadOnlyList<bool> calibrateOutcomes, double lambda = 1.0)
    {
        var x = fit.Select(p => RiskFeatures.Of(p)).ToList();
        var result = LogisticRegression.Train(x, fitOutcomes, lambda);
        var means = new double[RiskFeatures.Count];
        foreach (var row in x)
        {
            for (var j = 0; j < means.Length; j++)
            {
                means[j] += row[j] / x.Count;
            }
        }

        var uncalibrated = new RiskModel(result.Intercept, result.Weights, means, 1, 0);
        var (a, b) = LogisticRegression.FitPlatt(calibrate.Select(uncalibrated.LogOdds).ToList(), calibrateOutcomes);
        return uncalibrated with { PlattA = a, PlattB = b };
    }

    public double LogOdds(RiskInputs p)
    {
        Span<double> x = stackalloc double[RiskFeatures.Count];
        RiskFeatures.Fill(p, x);
        var eta = Intercept;
        for (var j = 0; j < x.Length; j++)
        {
            eta += Weights[j] * x[j];
        }

        return eta;
    }

    public double Probability(in RiskInputs p) => LogisticRegression.Sigmoid((PlattA * LogOdds(p)) + PlattB);

    /// <summary>The probability with the factors that raise or lower it by at least <paramref name="minimum"/> on the log-odds scale, largest first.</summary>
    public ModelScore Explain(in RiskInputs p, double minimum = 0.1, int max = 5)
    {
        var x = RiskFeatures.Of(p);
        var byText = new Dictionary<string, double>();
        for (var j = 0; j < x.Length; j++)
        {
            var contribution = PlattA * Weights[j] * (x[j] - Means[j]);
            var text = RiskFeatures.Describe(j, p);
            byText[text] = byText.GetValueOrDefault(text) + contribution;
        }

        var factors = byText.Where(kv => Math.Abs(kv.Value) >= minimum).OrderByDescending(kv => Math.Abs(kv.Value)).Take(max)
            .Select(kv => new ModelFactor(kv.Key, Math.Round(kv.Value, 2))).ToList();
        return new ModelScore(Probability(p), factors);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RiskModel FromJson(string json) => JsonSerializer.Deserialize<RiskModel>(json, Json) ?? throw new InvalidOperationException("Empty model.");
}
