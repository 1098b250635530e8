using Waypoint.Core.Matching;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tests.Matching;

public class MatchScorerTests
{
    private static readonly Guid School = Guid.NewGuid();
    private static readonly MatchSubject Held = new("Olivia", "Okafor", new DateOnly(2009, 3, 7), Gender.F, "OX4 3AB", School, "A123456789012", "5123456789");
    private static readonly MatchScorer Scorer = new(new MatchingOptions());

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    public void JaroWinkler_TextbookPairs_TextbookValues(string a, string b, double expected) =>
        Assert.Equal(expected, NameComparison.JaroWinkler(a, b), 3);

    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("O'Brien", "O165")]
    public void Soundex_KnownNames_StandardCodes(string name, string code) => Assert.Equal(code, NameComparison.Soundex(name));

    [Theory]
    [InlineData("Robert", "Bob", NameAgreement.Variant)]
    [InlineData("ALEXANDER", "alex", NameAgreement.Variant)]
    [InlineData("Smith-Jones", "Jones", NameAgreement.Variant)]
    [InlineData("McDonald", "Mc Donald", NameAgreement.Exact)]
    [InlineData("Zieliński", "ZIELINSKI", NameAgreement.Exact)]
    [InlineData("Jonathon", "Jonathan", NameAgreement.Similar)]
    [InlineData("Olivia", "Oliiva", NameAgreement.Similar)]
    [InlineData("Emily", "Amelia", NameAgreement.Disagree)]
    [InlineData("Olivia", null, NameAgreement.Missing)]
    public void Compare_NamePairs_Agreement(string a, string? b, NameAgreement expected) => Assert.Equal(expected, NameComparison.Compare(a, b));

    [Theory]
    [InlineData("2009-03-07", DateOfBirthAgreement.Exact)]
    [InlineData("2009-07-03", DateOfBirthAgreement.DayMonthSwapped)]
    [InlineData("2008-03-07", DateOfBirthAgreement.OnePartDiffers)]
    [InlineData("2009-03-17", DateOfBirthAgreement.OnePartDiffers)]
    [InlineData("2010-05-07", DateOfBirthAgreement.Disagree)]
    public void CompareDates_Variants_Agreement(string incoming, DateOfBirthAgreement expected) =>
        Assert.Equal(expected, MatchScorer.CompareDates(DateOnly.Parse(incoming, System.Globalization.CultureInfo.InvariantCulture), Held.DateOfBirth));

    [Fact]
    public void Score_SamePersonNoIdentifiers_AutomaticMatch()
    {
        var score = Scorer.Score(Held with { Upn = null, Uln = null }, Held with { Upn = null, Uln = null });

        Assert.Equal(MatchDecision.Match, score.Decision);
        Assert.False(score.IdentifierAgrees);
    }

    [Fact]
    public void Score_NicknameAndMovedWithinDistrict_StillAutomatic()
    {
        var score = Scorer.Score(new MatchSubject("Liv", "Okafor", Held.DateOfBirth, Gender.F, "OX4 9ZZ", School), Held);

        Assert.Equal(MatchDecision.Match, score.Decision);
        Assert.Equal(NameAgreement.Variant, score.GivenName);
        Assert.Equal(PostcodeAgreement.SameDistrict, score.Postcode);
    }

    [Fact]
    public void Score_TwinSameEverythingButGivenName_NeverAutomatic()
    {
        var score = Scorer.Score(new MatchSubject("Grace", "Okafor", Held.DateOfBirth, Gender.F, "OX4 3AB", School), Held with { Upn = null, Uln = null });

        Assert.NotEqual(MatchDecision.Match, score.Decision);
    }

    [Fact]
    public void Score_HighScoreButDateOfBirthDiffers_ReviewSayingWhy()
    {
        var score = Scorer.Score(new MatchSubject("Olivia", "Okafor", new DateOnly(2009, 7, 3), Gender.F, "OX4 3AB", School), Held with { Upn = null, Uln = null });

        Assert.Equal(MatchDecision.Review, score.Decision);
        Assert.Equal("the dates of birth differ", score.BarredBecause);
    }

    [Fact]
    public void Score_HighScoreButGenderDiffers_Review()
    {
        var score = Scorer.Score(Held with { Gender = Gender.M, Upn = null, Uln = null }, Held with { Upn = null, Uln = null });

        Assert.Equal(MatchDecision.Review, score.Decision);
        Assert.Equal("the genders differ", score.BarredBecause);
    }

    [Fact]
    public void Score_UlnAgreesDespiteDifferentDateOfBirth_Match()
    {
        var score = Scorer.Score(new MatchSubject("Olivia", "Smith", new DateOnly(2009, 7, 3), Gender.F, null, null, null, Held.Uln), Held);

        Assert.Equal(MatchDecision.Match, score.Decision);
        Assert.True(score.IdentifierAgrees);
    }

    [Fact]
    public void Score_DifferentUlnOtherwiseIdentical_NotAutomatic()
    {
        var score = Scorer.Score(Held with { Upn = null, Uln = "5999999999" }, Held with { Upn = null });

        Assert.True(score.IdentifierConflicts);
        Assert.NotEqual(MatchDecision.Match, score.Decision);
    }

    [Fact]
    public void Score_NamesSwapped_FoundAsSwapped()
    {
        var score = Scorer.Score(Held with { GivenName = "Okafor", FamilyName = "Olivia", Upn = null, Uln = null }, Held with { Upn = null, Uln = null });

        Assert.True(score.NamesSwapped);
        Assert.NotEqual(MatchDecision.New, score.Decision);
    }

    [Fact]
    public void Score_UnrelatedPeople_New()
    {
        var score = Scorer.Score(new MatchSubject("Harry", "Patel", new DateOnly(2008, 11, 20), Gender.M, "OX2 6QQ", Guid.NewGuid()), Held);

        Assert.Equal(MatchDecision.New, score.Decision);
    }

    [Fact]
    public void Find_TwoRegisterPeopleBothAboveTheThreshold_Review()
    {
        var index = new RegisterIndex(Scorer);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        index.Add(first, Held with { Upn = null, Uln = null });
        index.Add(second, Held with { Upn = null, Uln = null });

        var result = index.Find(Held with { Upn = null, Uln = null });

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.NotNull(result.RunnerUpId);
    }
}
