using System.Globalization;
using System.Text;
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

    /// <summary>
    /// The factor each feature explains: the two attendance features are one factor, as are the key stage 2 score and
    /// its being unknown, so a pupil's explanation names each thing about them once.
    /// </summary>
    internal static readonly int[] FactorOf = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15];

    internal const int Factors = 16;

    /// <summary>How a factor reads for one pupil in an explanation.</summary>
    public static string Describe(int factor, in RiskInputs p)
    {
        var text = new StringBuilder();
        AppendDescription(factor, p, text);
        return text.ToString();
    }

    public static void AppendDescription(int factor, in RiskInputs p, StringBuilder text)
    {
        switch (factor)
        {
            case 0:
                RiskIndicatorText.AppendPercent(text.Append("attendance "), p.AttendancePercent);
                break;
            case 1:
                text.Append("suspensions ").Append(p.Suspensions);
                break;
            case 13:
                text.Append("school moves ").Append(p.SchoolMoves);
                break;
            case 14 when p.Ks2ScaledScore is { } ks2:
                text.Append("key stage 2 score ").Append(ks2);
                break;
            case 14:
                text.Append("key stage 2 score not known");
                break;
            case 15:
                RiskIndicatorText.AppendPercent(text.Append("free school meals with attendance "), p.AttendancePercent);
                break;
            default:
                text.Append(Names[Array.IndexOf(FactorOf, factor)]);
                break;
        }
    }
}

public sealed record ModelFactor(string Text, double Contribution);

public sealed record ModelScore(double Probability, IReadOnlyList<ModelFactor> Factors)
{
    /// <summary>"attendance 78% (+0.92), suspensions 3 (+0.41)": contributions on the log-odds scale against the average pupil.</summary>
    public const string NoFactors = "no factor moves this pupil far from the average";

    public string FactorText => Factors.Count == 0
        ? NoFactors
        : string.Join(", ", Factors.Select(f => $"{f.Text} ({f.Contribution.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)})"));
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
        Span<double> byFactor = stackalloc double[RiskFeatures.Factors];
        Span<int> chosen = stackalloc int[max];
        var probability = Contributions(p, byFactor);
        var count = Choose(byFactor, chosen, minimum);
        var factors = new List<ModelFactor>(count);
        for (var i = 0; i < count; i++)
        {
            factors.Add(new ModelFactor(RiskFeatures.Describe(chosen[i], p), Math.Round(byFactor[chosen[i]], 2)));
        }

        return new ModelScore(probability, factors);
    }

    /// <summary>The probability, writing <see cref="ModelScore.FactorText"/>'s text to <paramref name="text"/>: the bulk path.</summary>
    public double WriteExplanation(in RiskInputs p, StringBuilder text, double minimum = 0.1, int max = 5)
    {
        Span<double> byFactor = stackalloc double[RiskFeatures.Factors];
        Span<int> chosen = stackalloc int[max];
        var probability = Contributions(p, byFactor);
        var count = Choose(byFactor, chosen, minimum);
        if (count == 0)
        {
            text.Append(ModelScore.NoFactors);
        }

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            RiskFeatures.AppendDescription(chosen[i], p, text);
            var rounded = Math.Round(byFactor[chosen[i]], 2);
            var hundredths = (long)Math.Round(Math.Abs(rounded) * 100);
            text.Append(" (").Append(rounded < 0 ? '-' : '+').Append(hundredths / 100).Append('.').Append((char)('0' + (hundredths % 100 / 10))).Append((char)('0' + (hundredths % 10))).Append(')');
        }

        return probability;
    }

    private double Contributions(in RiskInputs p, Span<double> byFactor)
    {
        Span<double> x = stackalloc double[RiskFeatures.Count];
        RiskFeatures.Fill(p, x);
        var eta = Intercept;
        for (var j = 0; j < x.Length; j++)
        {
            eta += Weights[j] * x[j];
            byFactor[RiskFeatures.FactorOf[j]] += PlattA * Weights[j] * (x[j] - Means[j]);
        }

        return LogisticRegression.Sigmoid((PlattA * eta) + PlattB);
    }

    private static int Choose(ReadOnlySpan<double> byFactor, Span<int> chosen, double minimum)
    {
        var count = 0;
        Span<bool> taken = stackalloc bool[byFactor.Length];
        while (count < chosen.Length)
        {
            var best = -1;
            for (var f = 0; f < byFactor.Length; f++)
            {
                if (!taken[f] && Math.Abs(byFactor[f]) >= minimum && (best < 0 || Math.Abs(byFactor[f]) > Math.Abs(byFactor[best])))
                {
                    best = f;
                }
            }

            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            chosen[count++] = best;
        }

        return count;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RiskModel FromJson(string json) => JsonSerializer.Deserialize<RiskModel>(json, Json) ?? throw new InvalidOperationException("Empty model.");
}
