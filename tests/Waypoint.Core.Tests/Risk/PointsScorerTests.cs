using Waypoint.Core.Risk;

namespace Waypoint.Core.Tests.Risk;

public class PointsScorerTests
{
    private static readonly PointsScorer Default = new(IndicatorSetDefinition.OxfordshireDefault);

    private static RiskInputs Pupil(decimal attendance = 97m, int suspensions = 0, bool fsm = false, bool sen = false, bool ehc = false,
        bool eal = false, bool carer = false, bool lookedAfter = false, int permanent = 0, bool ap = false) =>
        new(attendance, suspensions, permanent, fsm, sen, ehc, eal, lookedAfter, false, carer, false, false, ap, 0, 105);

    public static TheoryData<string, int, RiskBand> BandBoundaries => new()
    {
        { "none", 0, RiskBand.None },
        { "eal", 1, RiskBand.OfferSupport },
        { "attendance 89.9", 1, RiskBand.OfferSupport },
        { "attendance 84.9", 2, RiskBand.AdditionalSupport },
        { "eal+sen+ap", 3, RiskBand.AdditionalSupport },
        { "fsm+ehc", 4, RiskBand.SubstantialSupport },
        { "attendance 84.9+fsm+carer", 6, RiskBand.SubstantialSupport },
    };

    private static RiskInputs Named(string name) => name switch
    {
        "none" => Pupil(attendance: 90m),
        "eal" => Pupil(eal: true),
        "attendance 89.9" => Pupil(attendance: 89.9m),
        "attendance 84.9" => Pupil(attendance: 84.9m),
        "eal+sen+ap" => Pupil(eal: true, sen: true, ap: true),
        "fsm+ehc" => Pupil(fsm: true, ehc: true),
        "attendance 84.9+fsm+carer" => Pupil(attendance: 84.9m, fsm: true, carer: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BandBoundaries))]
    public void Score_DefaultScheme_BandsAtEachBoundary(string pupil, int points, RiskBand band)
    {
        var result = Default.Score(Named(pupil));

        Assert.Equal(points, result.Points);
        Assert.Equal(band, result.Band);
        Assert.Equal(points, Default.Points(Named(pupil)));
    }

    [Theory]
    [InlineData(0, RiskBand.None)]
    [InlineData(1, RiskBand.OfferSupport)]
    [InlineData(2, RiskBand.AdditionalSupport)]
    [InlineData(3, RiskBand.AdditionalSupport)]
    [InlineData(4, RiskBand.SubstantialSupport)]
    [InlineData(5, RiskBand.SubstantialSupport)]
    public void BandFor_DefaultBoundaries_OneTwoToThreeFourPlus(int points, RiskBand band) =>
        Assert.Equal(band, IndicatorSetDefinition.OxfordshireDefault.BandFor(points));

    [Fact]
    public void Score_AttendanceBands_HighestCountsNotBoth()
    {
        Assert.Equal(0, Default.Points(Pupil(attendance: 90m)));
        Assert.Equal(1, Default.Points(Pupil(attendance: 85m)));
        Assert.Equal(2, Default.Points(Pupil(attendance: 84.9m)));
        Assert.Equal(2, Default.Points(Pupil(attendance: 40m)));
    }

    [Fact]
    public void Score_SuspensionBands_OneThenFourOrMore()
    {
        Assert.Equal(1, Default.Points(Pupil(suspensions: 1)));
        Assert.Equal(1, Default.Points(Pupil(suspensions: 3)));
        Assert.Equal(2, Default.Points(Pupil(suspensions: 4)));
        Assert.Equal(2, Default.Points(Pupil(permanent: 1)));
    }

    [Fact]
    public void ReasonText_SeveralIndicators_ReadsAsTheIssueShows()
    {
        var result = Default.Score(Pupil(attendance: 84m, sen: true, carer: true));

        Assert.Equal("attendance 84% (2 points), SEN support (1), young carer (2)", result.ReasonText);
        Assert.Equal(5, result.Points);
        Assert.Equal(RiskBand.SubstantialSupport, result.Band);
    }

    [Fact]
    public void ReasonText_OnePointOrNone_SingularAndEmpty()
    {
        Assert.Equal("attendance 87.5% (1 point)", Default.Score(Pupil(attendance: 87.5m)).ReasonText);
        Assert.Equal("no indicators", Default.Score(Pupil()).ReasonText);
    }

    [Fact]
    public void Score_EhcPlanAndSenSupport_OnlyThePlanCounts()
    {
        var result = Default.Score(Pupil(sen: true, ehc: true));

        Assert.Equal(2, result.Points);
        Assert.Equal("EHC plan (2 points)", result.ReasonText);
    }

    [Fact]
    public void Definition_RoundTripsThroughJson_AndAnLaSetScoresItsOwnWay()
    {
        var own = new IndicatorSetDefinition([new(RiskIndicator.Attendance, 3, 95m), new(RiskIndicator.LowPriorAttainment, 1, 100m)], SubstantialFrom: 3, ListFrom: 3);

        var back = IndicatorSetDefinition.FromJson(own.ToJson());
        var result = new PointsScorer(back).Score(new RiskInputs(94m, 0, 0, false, false, false, false, false, false, false, false, false, false, 0, 96));

        Assert.Equal(4, result.Points);
        Assert.Equal(RiskBand.SubstantialSupport, result.Band);
        Assert.Equal("attendance 94% (3 points), key stage 2 score 96 (1)", result.ReasonText);
        Assert.Empty(back.Problems());
    }

    [Fact]
    public void Problems_FallingBoundariesOrMissingThreshold_Listed()
    {
        var bad = new IndicatorSetDefinition([new(RiskIndicator.Attendance, 2)], OfferFrom: 3, AdditionalFrom: 2);

        var problems = bad.Problems();

        Assert.Contains("Attendance and prior attainment indicators need a threshold", problems);
        Assert.Contains("Band boundaries must rise: offer support, then additional, then substantial", problems);
    }
}
