using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.TestCommon;
using Xunit.Abstractions;

namespace Waypoint.Cli.Tests;

public class RiskCommandTests(ITestOutputHelper output)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Backtest_Json_HasPointsAndModelWithEveryFigure(DatabaseProvider provider)
    {
        // Arrange
        var database = await TestDatabases.CreateMigratedAsync(provider, "cli_risk");
        await using (var db = database.CreateContext())
        {
            db.RiskHistory.AddRange(RiskHistoryGenerator.Generate("945", 2021, 5, 3000, seed: 11));
            await db.SaveChangesAsync();
        }

        // Act
        var json = await CliRunner.RunAsync(database, "risk", "backtest", "--cohort", "2025", "--format", "json");
        var text = await CliRunner.RunAsync(database, "risk", "backtest", "--cohort", "2025", "--la", "945");
        var missing = await CliRunner.RunAsync(database, "risk", "backtest", "--cohort", "2019");

        // Assert
        Assert.True(json.ExitCode == 0, json.Output + json.Error);
        using var document = JsonDocument.Parse(json.Output);
        foreach (var score in new[] { "points", "model" })
        {
            var figures = document.RootElement.GetProperty(score);
            foreach (var name in new[] { "auc", "precision_at_threshold", "recall_at_threshold", "precision_top10", "recall_top10" })
            {
                Assert.InRange(figures.GetProperty(name).GetDouble(), 0, 1);
            }

            var groups = figures.GetProperty("by_group").EnumerateArray().Select(g => g.GetProperty("group").GetString()).Distinct().ToList();
            Assert.Equal(["gender", "ethnicity", "send", "fsm"], groups);
        }

        var pointsAuc = document.RootElement.GetProperty("points").GetProperty("auc").GetDouble();
        var modelAuc = document.RootElement.GetProperty("model").GetProperty("auc").GetDouble();
        output.WriteLine($"cohort 2025 held out: points AUC {pointsAuc.ToString("0.000", CultureInfo.InvariantCulture)}, model AUC {modelAuc.ToString("0.000", CultureInfo.InvariantCulture)}");
        Assert.True(modelAuc > pointsAuc);
        Assert.True(text.ExitCode == 0, text.Output + text.Error);
        Assert.Contains("Back-test of LA 945, cohort 2025", text.Output, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no past cohort 2019", missing.Error, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.RiskBackTestRun));
    }

    [SkippableFact]
    public async Task TrainThenScore_SeededDemo_ScoresWithTheModel()
    {
        var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite, "cli_risk_score");
        Assert.Equal(0, (await CliRunner.RunAsync(database, "demo", "seed", "--people", "300", "--seed", "5")).ExitCode);

        var train = await CliRunner.RunAsync(database, "risk", "train", "--la", "931");
        var score = await CliRunner.RunAsync(database, "risk", "score", "--la", "931");

        Assert.True(train.ExitCode == 0, train.Output + train.Error);
        Assert.Contains("Trained model version 2 of LA 931", train.Output, StringComparison.Ordinal);
        Assert.True(score.ExitCode == 0, score.Output + score.Error);
        Assert.Contains("with the model", score.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var scores = await db.RiskScores.Where(s => s.LaCode == "931").ToListAsync();
        Assert.NotEmpty(scores);
        Assert.All(scores, s => Assert.Equal(2, s.ModelVersion));
        Assert.All(scores, s => Assert.InRange(s.YearGroup, 7, 11));
    }
}
