using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Risk;

/// <summary>
/// Trains on the cohorts before the held-out one and measures the points score and the model on it. The model is fitted
/// on all training cohorts but the latest and calibrated on the latest (Platt), so calibration never sees its own fit.
/// The model's threshold flags as many held-out pupils as the points threshold does, so the two are compared at the
/// same workload for the people who act on the list.
/// </summary>
public static class RiskBackTester
{
    public static RiskModel TrainModel(IReadOnlyList<RiskHistoryRecord> training)
    {
        var cohorts = training.Select(r => r.CohortYear).Distinct().Order().ToList();
        if (cohorts.Count == 0)
        {
            throw new InvalidOperationException("There is no past cohort to train on.");
        }

        var calibrationCohort = cohorts[^1];
        var fit = cohorts.Count > 1 ? training.Where(r => r.CohortYear != calibrationCohort).ToList() : training.ToList();
        var calibrate = training.Where(r => r.CohortYear == calibrationCohort).ToList();
        return RiskModel.Train(fit.Select(r => r.Inputs).ToList(), fit.Select(r => r.NeetOrNotKnown).ToList(),
            calibrate.Select(r => r.Inputs).ToList(), calibrate.Select(r => r.NeetOrNotKnown).ToList());
    }

    public static BackTestReport Run(string laCode, IReadOnlyList<RiskHistoryRecord> history, int cohort, IndicatorSetDefinition definition, int indicatorSetVersion)
    {
        var held = history.Where(r => r.CohortYear == cohort).ToList();
        var training = history.Where(r => r.CohortYear < cohort).ToList();
        if (held.Count == 0)
        {
            throw new InvalidOperationException($"There is no past cohort {cohort} to hold out.");
        }

        var model = TrainModel(training);
        var scorer = new PointsScorer(definition);
        var points = held.Select(r => scorer.Points(r.Inputs)).ToList();
        var probabilities = held.Select(r => model.Probability(r.Inputs)).ToList();
        var outcomes = held.Select(r => r.NeetOrNotKnown).ToList();
        var pupils = held.Select(r => new BackTestPupil(GenderGroup(r.Gender), EthnicGroup(r.EthnicityCode),
            r.EhcPlan ? "EHC plan" : r.SenSupport ? "SEN support" : "No SEN", r.FreeSchoolMeals ? "FSM" : "Not FSM", r.NeetOrNotKnown)).ToList();

        var pointsFlagged = points.Select(p => p >= definition.ListFrom).ToList();
        var flaggedCount = pointsFlagged.Count(f => f);
        var modelThreshold = flaggedCount == 0 ? 1.0 : probabilities.OrderDescending().ElementAt(flaggedCount - 1);
        var modelFlagged = probabilities.Select(p => p >= modelThreshold).ToList();

        return new BackTestReport(
            laCode,
            cohort,
            training.Select(r => r.CohortYear).Distinct().Order().ToList(),
            indicatorSetVersion,
            held.Count,
            outcomes.Count(o => o),
            outcomes.Count(o => o) / (double)held.Count,
            definition.ListFrom,
            modelThreshold,
            BackTestFigures.Compute(points.Select(p => (double)p).ToList(), pointsFlagged, pupils, BackTestFigures.ByPoints(points, outcomes)),
            BackTestFigures.Compute(probabilities, modelFlagged, pupils, BackTestFigures.ByDecile(probabilities, outcomes)));
    }

    public static string GenderGroup(Gender gender) => gender switch
    {
        Gender.F => "Female",
        Gender.M => "Male",
        _ => "Other or not known",
    };

    /// <summary>The census major ethnic group of an NCCIS code.</summary>
    public static string EthnicGroup(string code) => code.Length == 0 ? "Not known" : code[0] switch
    {
        'W' => "White",
        'M' => "Mixed",
        'A' => "Asian",
        'C' when code == "CHNE" => "Asian",
        'B' => "Black",
        'O' => "Other",
        _ => "Not known",
    };
}
