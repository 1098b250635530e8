using Waypoint.Core.Demo;
using Waypoint.Core.Risk;
using Xunit.Abstractions;

namespace Waypoint.Core.Tests.Risk;

public class BackTestTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<RiskHistoryRecord>> History = new(() => RiskHistoryGenerator.Generate("940", 2021, 5, 4000));

    [Fact]
    public void Auc_KnownRanking_MatchesHandCount()
    {
        // Pairs (positive, negative): 0.9>0.1, 0.9>0.5, 0.5=0.5 (half), 0.5>0.1: 3.5 of 4.
        var auc = BackTestFigures.Auc([0.9, 0.5, 0.5, 0.1], [true, true, false, false]);

        Assert.Equal(0.875, auc);
    }

    [Fact]
    public void TopShareWeights_TiesAtTheCut_ShareTheRemainingPlaces()
    {
        var weights = BackTestFigures.TopShareWeights([5, 3, 3, 3, 3, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.10);

        Assert.Equal(1, weights[0]);
        Assert.All(weights.Skip(1).Take(4), w => Assert.Equal(0.25, w));
        Assert.All(weights.Skip(5), w => Assert.Equal(0, w));
    }

    [Fact]
    public void Generate_PastCohorts_BaseRateNearRoniFigureAndFactorsCoOccur()
    {
        var rows = History.Value;

        var rate = rows.Average(r => r.NeetOrNotKnown ? 1.0 : 0);
        var fsmRate = rows.Average(r => r.FreeSchoolMeals ? 1.0 : 0);
        var fsmAmongSen = rows.Where(r => r.SenSupport || r.EhcPlan).Average(r => r.FreeSchoolMeals ? 1.0 : 0);
        output.WriteLine($"base rate {rate:P1}, FSM {fsmRate:P1}, FSM among SEN {fsmAmongSen:P1}");

        Assert.InRange(rate, 0.045, 0.07);
        Assert.InRange(fsmRate, 0.18, 0.32);
        Assert.True(fsmAmongSen > fsmRate * 1.3);
    }

    [Fact]
    public void LogisticRegression_KnownCoefficients_Recovered()
    {
        var random = new Random(7);
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 20000; i++)
        {
            var a = random.NextDouble() * 4 - 2;
            var b = random.NextDouble() < 0.3 ? 1.0 : 0;
            x.Add([a, b]);
            y.Add(random.NextDouble() < LogisticRegression.Sigmoid(-1 + (0.8 * a) + (1.5 * b)));
        }

        var fit = LogisticRegression.Train(x, y, lambda: 0.01);
        var shrunk = LogisticRegression.Train(x, y, lambda: 5000);

        Assert.InRange(fit.Intercept, -1.15, -0.85);
        Assert.InRange(fit.Weights[0], 0.7, 0.9);
        Assert.InRange(fit.Weights[1], 1.35, 1.65);
        Assert.True(Math.Abs(shrunk.Weights[0]) < Math.Abs(fit.Weights[0]) * 0.8, "L2 shrinks the weights towards zero");
    }

    [Fact]
    public void FitPlatt_OverconfidentScores_PulledBack()
    {
        var random = new Random(3);
        var scores = new List<double>();
        var y = new List<bool>();
        for (var i = 0; i < 20000; i++)
        {
            var truth = (random.NextDouble() * 4) - 3;
            scores.Add(truth * 2);
            y.Add(random.NextDouble() < LogisticRegression.Sigmoid(truth));
        }

        var (a, b) = LogisticRegression.FitPlatt(scores, y);

        Assert.InRange(a, 0.4, 0.6);
        Assert.InRange(b, -0.2, 0.2);
    }

    [Fact]
    public void BackTest_SyntheticHistory_ModelBeatsPointsOnHeldOutCohort()
    {
        var report = RiskBackTester.Run("940", History.Value, 2025, IndicatorSetDefinition.OxfordshireDefault, 1);

        output.WriteLine($"Held-out cohort {report.Cohort}: {report.Pupils} pupils, {report.Outcomes} NEET or not known ({report.BaseRate:P1}); trained on {string.Join(", ", report.TrainedOn)}");
        output.WriteLine($"points: AUC {report.Points.Auc:0.000}, at {report.PointsThreshold}+ points flagged {report.Points.Flagged} precision {report.Points.PrecisionAtThreshold:P1} recall {report.Points.RecallAtThreshold:P1}, top 10% precision {report.Points.PrecisionTop10:P1} recall {report.Points.RecallTop10:P1}");
        output.WriteLine($"model:  AUC {report.Model.Auc:0.000}, at p >= {report.ModelThreshold:0.000} flagged {report.Model.Flagged} precision {report.Model.PrecisionAtThreshold:P1} recall {report.Model.RecallAtThreshold:P1}, top 10% precision {report.Model.PrecisionTop10:P1} recall {report.Model.RecallTop10:P1}");
        foreach (var row in report.Model.Calibration)
        {
            output.WriteLine($"  {row.Bucket}: predicted {row.Predicted:P1} observed {row.Observed:P1} ({row.Pupils})");
        }

        Assert.Equal([2021, 2022, 2023, 2024], report.TrainedOn);
        Assert.True(report.Model.Auc > report.Points.Auc, $"model AUC {report.Model.Auc:0.000} should beat points AUC {report.Points.Auc:0.000}");
        Assert.InRange(report.Points.Auc, 0.6, 0.9);
        Assert.InRange(report.Model.Flagged, report.Points.Flagged, report.Points.Flagged + 2);
        Assert.Contains(report.Model.ByGroup, g => g.Group == "gender" && g.Value == "Female");
        Assert.Contains(report.Model.ByGroup, g => g.Group == "ethnicity" && g.Value == "White");
        Assert.Contains(report.Points.ByGroup, g => g.Group == "send" && g.Value == "EHC plan");
        Assert.Contains(report.Points.ByGroup, g => g.Group == "fsm" && g.Value == "FSM");
        var meanPredicted = report.Model.Calibration.Sum(r => r.Predicted!.Value * r.Pupils) / report.Pupils;
        Assert.InRange(meanPredicted, report.BaseRate * 0.7, report.BaseRate * 1.3);
    }

    [Fact]
    public void RiskFeatures_NeverReadGenderOrEthnicity()
    {
        var male = new RiskHistoryRecord { LaCode = "940", EthnicityCode = "WBRI", Gender = Waypoint.Core.YoungPeople.Gender.M, AttendancePercent = 88m };
        var female = new RiskHistoryRecord { LaCode = "940", EthnicityCode = "BAFR", Gender = Waypoint.Core.YoungPeople.Gender.F, AttendancePercent = 88m };

        Assert.Equal(RiskFeatures.Of(male.Inputs), RiskFeatures.Of(female.Inputs));
        Assert.DoesNotContain(RiskFeatures.Names, n => n.Contains("gender", StringComparison.OrdinalIgnoreCase) || n.Contains("ethnic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Score_BulkPath_WritesTheSameTextsAsTheSinglePupilPath()
    {
        var rows = History.Value.Take(5000).Select(r => new RiskPupilRow(Guid.NewGuid(), null, new DateOnly(2012, 1, 1), r.Inputs)).ToList();
        var model = RiskBackTester.TrainModel(History.Value.Where(r => r.CohortYear < 2023).ToList());
        var scorer = new PointsScorer(IndicatorSetDefinition.OxfordshireDefault);

        var bulk = RiskService.Score(rows, scorer, model);

        for (var i = 0; i < rows.Count; i++)
        {
            var single = scorer.Score(rows[i].Inputs);
            var explained = model.Explain(rows[i].Inputs);
            Assert.Equal(single.Points, bulk[i].Points);
            Assert.Equal(single.Band, bulk[i].Band);
            Assert.Equal(single.ReasonText, bulk[i].Reasons);
            Assert.Equal(explained.Probability, bulk[i].ModelProbability);
            Assert.Equal(explained.FactorText, bulk[i].ModelFactors);
        }

        Assert.Contains(bulk, b => b.ModelFactors!.Contains("attendance", StringComparison.Ordinal) && b.ModelFactors.Contains("(+", StringComparison.Ordinal));
        Assert.Contains(bulk, b => b.ModelFactors!.Contains("(-", StringComparison.Ordinal));
    }
}
