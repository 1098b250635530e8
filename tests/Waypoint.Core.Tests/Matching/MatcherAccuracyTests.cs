using Waypoint.Core.Matching;
using Waypoint.TestCommon;
using Xunit.Abstractions;

namespace Waypoint.Core.Tests.Matching;

public class MatcherAccuracyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2026)]
    [InlineData(7)]
    public void Find_SeededPopulationWithPlantedDuplicatesAndTypos_PrecisionAndRecallMeetTheBar(int seed)
    {
        var (register, incoming) = MatchingPopulation.Generate(seed, registerSize: 20_000, incomingSize: 6_000);
        var index = new RegisterIndex(new MatchScorer(new MatchingOptions()));
        foreach (var person in register)
        {
            index.Add(person.Id, person.Subject);
        }

        int automatic = 0, automaticRight = 0, trueRows = 0, found = 0, review = 0, reviewOfStrangers = 0;
        var mistakes = new List<string>();
        foreach (var row in incoming)
        {
            var result = index.Find(row.Subject);
            if (result.Decision == MatchDecision.Match)
            {
                automatic++;
                if (result.PersonId == row.TruePersonId)
                {
                    automaticRight++;
                }
                else
                {
                    mistakes.Add($"WRONG AUTO ({row.Corruptions}) {row.Subject} -> {index[result.PersonId!.Value]} score {result.Score?.Weight:F1}");
                }
            }

            review += result.Decision == MatchDecision.Review ? 1 : 0;
            reviewOfStrangers += result.Decision == MatchDecision.Review && row.TruePersonId is null ? 1 : 0;
            if (row.TruePersonId is { } truth)
            {
                trueRows++;
                if (result.Decision != MatchDecision.New && result.PersonId == truth)
                {
                    found++;
                }
                else
                {
                    mistakes.Add($"MISSED ({row.Corruptions}) {row.Subject} -> {result.Decision} {(result.PersonId is { } id ? index[id].ToString() : "")} score {result.Score?.Weight:F1}");
                }
            }
        }

        var precision = (double)automaticRight / automatic;
        var recall = (double)found / trueRows;
        output.WriteLine($"seed {seed}: {register.Count:N0} in the register, {incoming.Count:N0} incoming, {trueRows:N0} of them register people");
        output.WriteLine($"automatic matches {automatic:N0}, review {review:N0} ({reviewOfStrangers:N0} of them people the register does not hold); precision of automatic matches {precision:F4}; recall (automatic + review) {recall:F4}");
        foreach (var mistake in mistakes.Take(40))
        {
            output.WriteLine(mistake);
        }

        Assert.True(precision >= 0.99, $"precision {precision:F4}");
        Assert.True(recall >= 0.97, $"recall {recall:F4}");
    }

    [Fact]
    public void MightReach_IsNeverFalseForAPairThatScoresTheThreshold()
    {
        // The matcher skips comparing names for candidates MightReach rules out, so it must be an upper bound: every
        // incoming row against its true record and against everyone sharing its birth year, at both thresholds.
        var (register, incoming) = MatchingPopulation.Generate(11, registerSize: 1_500, incomingSize: 800);
        var scorer = new MatchScorer(new MatchingOptions());
        var byYear = register.ToLookup(p => p.Subject.DateOfBirth?.Year);
        int pairs = 0, reaching = 0, ruledOut = 0;
        foreach (var row in incoming)
        {
            foreach (var held in byYear[row.Subject.DateOfBirth?.Year].Concat(register.Where(p => p.Id == row.TruePersonId)))
            {
                var weight = scorer.Score(row.Subject, held.Subject).Weight;
                foreach (var threshold in (double[])[scorer.Options.LowerThreshold, scorer.Options.UpperThreshold])
                {
                    var might = scorer.MightReach(row.Subject, held.Subject, threshold);
                    Assert.False(weight >= threshold && !might, $"{row.Subject} against {held.Subject} scores {weight:F2}, but MightReach({threshold}) said no");
                    Assert.Equal(might ? weight : null, scorer.ScoreIfItMightReach(row.Subject, held.Subject, threshold)?.Weight);
                }

                // Counted at the lower threshold, the one the matcher uses.
                reaching += weight >= scorer.Options.LowerThreshold ? 1 : 0;
                ruledOut += scorer.MightReach(row.Subject, held.Subject, scorer.Options.LowerThreshold) ? 0 : 1;

                pairs++;
            }
        }

        output.WriteLine($"{pairs:N0} pairs; {reaching:N0} reach a threshold; {ruledOut:N0} ruled out without comparing names");
        Assert.True(reaching > 500 && ruledOut > pairs / 2, $"the population should have pairs on both sides of the bound ({reaching:N0} reaching, {ruledOut:N0} of {pairs:N0} ruled out)");
    }
}
