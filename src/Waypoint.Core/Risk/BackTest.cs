namespace Waypoint.Core.Risk;

public sealed record CalibrationRow(string Bucket, int Pupils, double? Predicted, double Observed);

public sealed record GroupFigures(
    string Group,
    string Value,
    int Pupils,
    int Outcomes,
    double? Auc,
    double FlaggedShare,
    double? PrecisionAtThreshold,
    double? RecallAtThreshold,
    double? PrecisionTop10,
    double? RecallTop10);

public sealed record ScoreFigures(
    double Auc,
    int Flagged,
    double PrecisionAtThreshold,
    double RecallAtThreshold,
    double PrecisionTop10,
    double RecallTop10,
    IReadOnlyList<CalibrationRow> Calibration,
    IReadOnlyList<GroupFigures> ByGroup);

/// <summary>One held-out pupil: the groups fairness is reported by (never model inputs) and the outcome.</summary>
public sealed record BackTestPupil(string Gender, string Ethnicity, string Send, string Fsm, bool Outcome);

/// <summary>
/// The back-test figures for one score over one held-out cohort. Ties are shared fairly: where the top 10% cuts
/// through pupils with the same score, each of them counts as that fraction of a pupil, so a coarse points score is
/// neither flattered nor penalised by the order rows happen to come in.
/// </summary>
public static class BackTestFigures
{
    public static ScoreFigures Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> flagged, IReadOnlyList<BackTestPupil> pupils, IReadOnlyList<CalibrationRow> calibration)
    {
        var n = scores.Count;
        var all = Enumerable.Range(0, n).ToList();
        var top = TopShareWeights(scores, 0.10);
        var outcomes = pupils.Select(p => p.Outcome).ToList();
        var positives = outcomes.Count(o => o);
        var flaggedCount = flagged.Count(f => f);
        var truePositives = all.Count(i => flagged[i] && outcomes[i]);
        var topCount = top.Sum();
        var topPositives = all.Sum(i => outcomes[i] ? top[i] : 0);

        var groups = new List<GroupFigures>();
        foreach (var (name, key) in new (string, Func<BackTestPupil, string>)[] { ("gender", p => p.Gender), ("ethnicity", p => p.Ethnicity), ("send", p => p.Send), ("fsm", p => p.Fsm) })
        {
            foreach (var value in pupils.Select(key).Distinct().Order(StringComparer.Ordinal))
            {
                var members = all.Where(i => key(pupils[i]) == value).ToList();
                var memberPositives = members.Count(i => outcomes[i]);
                var memberFlagged = members.Count(i => flagged[i]);
                var memberTop = members.Sum(i => top[i]);
                var memberTopPositives = members.Sum(i => outcomes[i] ? top[i] : 0);
                groups.Add(new GroupFigures(
                    name,
                    value,
                    members.Count,
                    memberPositives,
                    Auc(members.Select(i => scores[i]).ToList(), members.Select(i => outcomes[i]).ToList()),
                    Ratio(memberFlagged, members.Count) ?? 0,
                    Ratio(members.Count(i => flagged[i] && outcomes[i]), memberFlagged),
                    Ratio(members.Count(i => flagged[i] && outcomes[i]), memberPositives),
                    Ratio(memberTopPositives, memberTop),
                    Ratio(memberTopPositives, memberPositives)));
            }
        }

        return new ScoreFigures(
            Auc(scores, outcomes) ?? 0.5,
            flaggedCount,
            Ratio(truePositives, flaggedCount) ?? 0,
            Ratio(truePositives, positives) ?? 0,
            Ratio(topPositives, topCount) ?? 0,
            Ratio(topPositives, positives) ?? 0,
            calibration,
            groups);
    }

    /// <summary>The area under the ROC curve by the rank-sum formula, ties counting a half; null without both outcomes.</summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> outcomes)
    {
        var positives = outcomes.Count(o => o);
        var negatives = outcomes.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var rankSum = 0.0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var midRank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                if (outcomes[order[i]])
                {
                    rankSum += midRank;
                }
            }

            start = end + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>For each pupil, how much of them is in the top <paramref name="share"/> of scores (1, 0, or the tied group's fraction).</summary>
    public static double[] TopShareWeights(IReadOnlyList<double> scores, double share)
    {
        var weights = new double[scores.Count];
        var wanted = Math.Ceiling(scores.Count * share);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var taken = 0.0;
        var start = 0;
        while (start < order.Length && taken < wanted)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var size = end - start + 1;
            var fraction = Math.Min(1.0, (wanted - taken) / size);
            for (var i = start; i <= end; i++)
            {
                weights[order[i]] = fraction;
            }

            taken += fraction * size;
            start = end + 1;
        }

        return weights;
    }

    /// <summary>Observed rate by points value (the last bucket holding that many or more).</summary>
    public static IReadOnlyList<CalibrationRow> ByPoints(IReadOnlyList<int> points, IReadOnlyList<bool> outcomes, int top = 6)
    {
        var rows = new List<CalibrationRow>();
        for (var value = 0; value <= top; value++)
        {
            var members = Enumerable.Range(0, points.Count).Where(i => value == top ? points[i] >= top : points[i] == value).ToList();
            if (members.Count > 0)
            {
                rows.Add(new CalibrationRow(value == top ? $"{top}+ points" : $"{value} {(value == 1 ? "point" : "points")}", members.Count, null, members.Count(i => outcomes[i]) / (double)members.Count));
            }
        }

        return rows;
    }

    /// <summary>Mean predicted against observed rate in tenths of the cohort by predicted probability.</summary>
    public static IReadOnlyList<CalibrationRow> ByDecile(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        var rows = new List<CalibrationRow>();
        for (var d = 0; d < 10; d++)
        {
            var members = order.Skip(order.Length * d / 10).Take((order.Length * (d + 1) / 10) - (order.Length * d / 10)).ToList();
            if (members.Count > 0)
            {
                rows.Add(new CalibrationRow($"tenth {d + 1}", members.Count, members.Average(i => probabilities[i]), members.Count(i => outcomes[i]) / (double)members.Count));
            }
        }

        return rows;
    }

    private static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;
}

public sealed record BackTestReport(
    string LaCode,
    int Cohort,
    IReadOnlyList<int> TrainedOn,
    int IndicatorSetVersion,
    int Pupils,
    int Outcomes,
    double BaseRate,
    int PointsThreshold,
    double ModelThreshold,
    ScoreFigures Points,
    ScoreFigures Model);
