using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Nccis;
using Waypoint.Core.Nccis.Reports;
using Waypoint.Core.Tracking;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using static Waypoint.Core.Tests.Nccis.Reports.ReportsWorld;

namespace Waypoint.Core.Tests.Nccis.Reports;

public class AnnualActivitySurveyTests
{
    private static readonly DateOnly May = new(2026, 5, 31);

    // Year 11 in 2025/26 (academic age 15 on 31 May 2026): born September 2009 to August 2010.
    private static readonly DateOnly YearEleven = new(2010, 3, 1);

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private static async Task<(string Csv, AnnualActivitySurveyResult Result)> SurveyAsync(ReportsWorld world, NccisReportOptions? options = null)
    {
        await using var scope = world.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var survey = options is null
            ? provider.GetRequiredService<AnnualActivitySurvey>()
            : new AnnualActivitySurvey(provider.GetRequiredService<WaypointDbContext>(), provider.GetRequiredService<AuditTrail>(), world.Clock,
                provider.GetRequiredService<CurrencyCalculator>(), options, provider.GetRequiredService<TrackingOptions>());
        await using var writer = new StringWriter();
        var result = await survey.WriteAsync(world.Officer, "931", 2026, writer);
        return (writer.ToString(), result);
    }

    private static async Task<(YoungPerson College, YoungPerson Neet, YoungPerson Lapsed)> CohortAsync(ReportsWorld world)
    {
        var school = new DateOnly(2025, 9, 1);
        var college = await world.PersonAsync(YearEleven, p => p.LocalId = "0000000001", Activity("110", school), Activity("230", new(2026, 9, 5), verified: new(2026, 10, 1)));
        var neet = await world.PersonAsync(YearEleven.AddDays(1), p => p.LocalId = "0000000002", Activity("110", school), Activity("619", new(2026, 10, 15)), Activity("230", new(2026, 11, 10)));
        var lapsed = await world.PersonAsync(YearEleven.AddDays(2), p => p.LocalId = "0000000003", Activity("110", school));
        await world.PersonAsync(new(2009, 3, 1), Activity("230", school));
        await world.SnapshotAsync(May);

        // Moved in after the cohort was fixed at the end of May: not in the survey.
        await world.PersonAsync(YearEleven, Activity("110", new(2026, 6, 10)), Activity("230", new(2026, 9, 5)));
        return (college, neet, lapsed);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Write_DefaultColumns_YearElevenAtMayWithActivityAtFirstNovember(DatabaseProvider provider)
    {
        // Arrange
        await using var world = await CreateAsync(provider, "aas_default");
        var (college, neet, lapsed) = await CohortAsync(world);

        // Act
        var (csv, result) = await SurveyAsync(world);

        // Assert
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AnnualActivitySurvey.DefaultColumns), lines[0]);
        Assert.Equal(3, result.Rows);
        Assert.Equal(4, lines.Length);
        var id = AnnualActivitySurvey.DefaultColumns.ToList().IndexOf("YoungPersonsID");
        var code = AnnualActivitySurvey.DefaultColumns.ToList().IndexOf("ActivityCode");
        var start = AnnualActivitySurvey.DefaultColumns.ToList().IndexOf("StartDate");
        var lapsedColumn = AnnualActivitySurvey.DefaultColumns.ToList().IndexOf("CurrencyLapsed");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["931" + college.LocalId, "931" + neet.LocalId, "931" + lapsed.LocalId], rows.Select(r => r[id]));
        Assert.Equal(["230", "619", "110"], rows.Select(r => r[code]));
        Assert.Equal("2026-09-05", rows[0][start]);
        Assert.Equal(["N", "N", "Y"], rows.Select(r => r[lapsedColumn]));
        await using var scope = world.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<WaypointDbContext>().AuditEvents.SingleAsync(e => e.Action == AuditActions.NccisSurveyExported);
        Assert.Contains("\"rows\":3", audit.Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Write_ConfiguredColumns_InTheConfiguredOrder(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, "aas_custom");
        var (college, _, _) = await CohortAsync(world);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nccis:AnnualActivitySurvey:Columns:0"] = "ActivityDescription",
            ["Nccis:AnnualActivitySurvey:Columns:1"] = "LocalID",
            ["Nccis:AnnualActivitySurvey:Columns:2"] = "DateVerified",
        }).Build();

        var (csv, _) = await SurveyAsync(world, NccisReportOptions.FromConfiguration(configuration));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ActivityDescription,LocalID,DateVerified", lines[0]);
        Assert.Equal($"Full-time education: further education,{college.LocalId},2026-10-01", lines[1]);
    }

    [Fact]
    public void FromConfiguration_UnknownColumn_RefusedNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nccis:AnnualActivitySurvey:Columns"] = "YoungPersonsID, Shoe size",
        }).Build();

        var error = Record.Exception(() => NccisReportOptions.FromConfiguration(configuration));

        Assert.Contains("Shoe size", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Write_NoMaySnapshot_RefusedSayingHowToTakeIt(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, "aas_no_may");

        var error = await Record.ExceptionAsync(() => SurveyAsync(world));

        Assert.Contains("nccis snapshot --la 931 --period-end 2026-05-31", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
    }
}
