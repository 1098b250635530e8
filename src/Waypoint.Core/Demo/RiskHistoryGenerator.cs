using Waypoint.Core.Risk;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Demo;

/// <summary>
/// Past Year 10 cohorts with their outcomes at 16-17, for the risk model to learn from and the back-test to hold out.
/// The same seed always gives the same rows.
///
/// How outcomes depend on the indicators (docs/architecture.md, "Risk of NEET", keeps this in step): one hidden
/// disadvantage factor per pupil drives free school meals, SEN, attendance, suspensions and the vulnerable-group flags, so
/// they co-occur as in the demo generator. The chance of being NEET or not known is logistic in: attendance below 95%
/// (gently) and below 85% (steeply), attendance below 95% again for pupils on free school meals (an interaction),
/// the log of suspensions, permanent exclusion, FSM, SEN support, EHC plan, looked after, child in need, young carer,
/// pregnant or parent, youth justice, alternative provision, school moves and a low key stage 2 score, while English
/// as an additional language lowers it. Part of the hidden factor and some noise act directly, unobserved (the
/// "two-thirds without multiple barriers" of roni.md), and boys are a little more often NEET; neither is a model input.
/// The intercept gives a base rate near 5.6% (roni.md section 0). A points scheme misses the bend in attendance, the
/// interaction, prior attainment and school moves, and over-weights EAL and young carers, so a fitted model can beat it.
/// </summary>
public sealed class RiskHistoryGenerator(int seed = 2026)
{
    private readonly Random random = new(seed);

    public static IReadOnlyList<RiskHistoryRecord> Generate(string laCode, int firstCohort, int cohorts, int perCohort, int seed = 2026)
    {
        var generator = new RiskHistoryGenerator(seed);
        var rows = new List<RiskHistoryRecord>(cohorts * perCohort);
        for (var c = 0; c < cohorts; c++)
        {
            for (var i = 0; i < perCohort; i++)
            {
                rows.Add(generator.Pupil(laCode, firstCohort + c));
            }
        }

        return rows;
    }

    public RiskHistoryRecord Pupil(string laCode, int cohortYear)
    {
        var d = random.Normal();
        var gender = random.NextDouble() switch { < 0.005 => Gender.U, < 0.505 => Gender.M, _ => Gender.F };
        var boy = gender == Gender.M;
        var ethnicity = random.PickWeighted(DemoNames.Ethnicities);
        var eal = ethnicity is not ("WBRI" or "WIRI" or "BBRI" or "MWBC") && random.NextDouble() < 0.55;
        var ehc = random.NextDouble() < DemoRandom.Logistic(-3.3 + (0.55 * d) + (boy ? 0.6 : -0.3));
        var sen = !ehc && random.NextDouble() < DemoRandom.Logistic(-2.0 + (0.6 * d) + (boy ? 0.3 : -0.2));
        var fsm = random.NextDouble() < DemoRandom.Logistic(-1.35 + (1.1 * d) + (ehc || sen ? 0.6 : 0));
        var disengaged = random.NextDouble() < DemoRandom.Logistic(-2.6 + (0.8 * d));
        var attendance = Math.Clamp(96.5 - (2.0 * Math.Max(0, d)) - (fsm ? 0.5 : 0) - (ehc ? 2 : 0) - Math.Abs(random.Normal() * 3.5)
            - (disengaged ? 6 + Math.Abs(random.Normal() * 10) : 0), 30, 100);
        var suspensions = random.Poisson(0.08 * Math.Exp(1.1 * d) * (fsm ? 2.2 : 1) * (disengaged ? 2 : 1));
        var permanent = random.NextDouble() < 0.0015 * Math.Exp(1.4 * d) * (fsm ? 2 : 1) ? 1 : 0;
        var lookedAfter = random.NextDouble() < DemoRandom.Logistic(-5.0 + (1.2 * d));
        var childInNeed = random.NextDouble() < DemoRandom.Logistic(-3.2 + (1.0 * d));
        var carer = random.NextDouble() < DemoRandom.Logistic(-4.0 + (0.7 * d));
        var parent = gender == Gender.F && random.NextDouble() < DemoRandom.Logistic(-6.5 + (0.9 * d));
        var youthJustice = random.NextDouble() < DemoRandom.Logistic(-5.8 + (1.4 * d) + (boy ? 0.8 : -0.8));
        var ap = random.NextDouble() < DemoRandom.Logistic(-5.0 + (1.3 * d) + (disengaged ? 1 : 0));
        var moves = random.Poisson(0.15 * Math.Exp(0.5 * d));
        int? ks2 = random.NextDouble() < 0.05 ? null : (int)Math.Round(Math.Clamp(104 - (3.5 * d) + (random.Normal() * 5) - (sen ? 4 : 0) - (ehc ? 8 : 0), 80, 120));

        var deficit = Math.Max(0, 95 - attendance) / 5;
        var eta = -4.55
            + (0.25 * deficit)
            + (0.6 * Math.Max(0, 85 - attendance) / 5)
            + (fsm ? 0.3 * deficit : 0)
            + (0.45 * Math.Log(1 + suspensions))
            + (permanent * 1.0)
            + (fsm ? 0.35 : 0)
            + (sen ? 0.35 : 0)
            + (ehc ? 0.25 : 0)
            - (eal ? 0.45 : 0)
            + (lookedAfter ? 0.9 : 0)
            + (childInNeed ? 0.4 : 0)
            + (carer ? 0.3 : 0)
            + (parent ? 1.0 : 0)
            + (youthJustice ? 1.0 : 0)
            + (ap ? 0.7 : 0)
            + (0.35 * Math.Log(1 + moves))
            + (ks2 is { } k ? 0.25 * Math.Max(0, 105 - k) / 5 : 0.3)
            + (boy ? 0.15 : 0)
            + (0.3 * d)
            + (0.4 * random.Normal());

        return new RiskHistoryRecord
        {
            LaCode = laCode,
            CohortYear = cohortYear,
            Gender = gender,
            EthnicityCode = ethnicity,
            AttendancePercent = Math.Round((decimal)attendance, 1),
            Suspensions = suspensions,
            PermanentExclusions = permanent,
            FreeSchoolMeals = fsm,
            SenSupport = sen,
            EhcPlan = ehc,
            EnglishAdditionalLanguage = eal,
            LookedAfter = lookedAfter,
            ChildInNeed = childInNeed,
            YoungCarer = carer,
            PregnantOrParent = parent,
            YouthJustice = youthJustice,
            AlternativeProvision = ap,
            SchoolMoves = moves,
            Ks2ScaledScore = ks2,
            NeetOrNotKnown = random.NextDouble() < DemoRandom.Logistic(eta),
        };
    }
}
