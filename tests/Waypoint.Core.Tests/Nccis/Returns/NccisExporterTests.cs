using System.Text;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Nccis.Returns;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Xunit.Abstractions;

namespace Waypoint.Core.Tests.Nccis.Returns;

public class NccisExporterTests(ITestOutputHelper output)
{
    private static readonly DateOnly PeriodEnd = new(2026, 11, 30);

    // The element order of nccis.md section 11, 2019-20 shape (Youth Contract fields omitted as retired).
    private static readonly string[] RecordOrder = ["PersonalDetails", "SeptemberGuarantee", "LevelOfNeed", "Activities", "IntendedDestination"];
    private static readonly string[] PersonalDetailsOrder =
    [
        "YoungPersonsID", "CohortStatus", "GivenName", "MiddleName", "FamilyName", "AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4",
        "Town", "County", "Postcode", "Gender", "DOB", "Ethnicity", "LeadLEA", "EducatedLEA", "TransferredToLACode", "LEACodeAtYear11",
        "UniqueLearnerNo", "UniquePupilNumber", "GuaranteeStatusIndicator", "PreviousYPIDIdentifier",
    ];
    private static readonly string[] LevelOfNeedOrder = ["LevelOfNeedCode", "SENDFlag", "SENSupportFlag", "Characteristics"];
    private static readonly string[] CohortOrder =
    [
        "ActivityCode", "StartDate", "DateAscertained", "DateVerified", "ReviewDate", "DueToLapseDate", "CurrencyLapsed", "EstablishmentNumber",
        "EstablishmentName", "UKProviderReferenceNumber", "NEETStartDate", "PredictedEndDate",
    ];

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private sealed record World(ServiceProvider Services, TestData Data, FakeTimeProvider Clock, Actor Officer) : IAsyncDisposable
    {
        public async Task<(NccisExportResult Result, byte[] Bytes)> ExportAsync(Actor? actor = null)
        {
            await using var scope = Services.CreateAsyncScope();
            using var buffer = new MemoryStream();
            var result = await scope.ServiceProvider.GetRequiredService<NccisExporter>().ExportAsync(actor ?? Officer, "931", PeriodEnd, buffer, CancellationToken.None);
            return (result, buffer.ToArray());
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<World> CreateWorldAsync(DatabaseProvider provider, string name)
    {
        var clock = TestClock.Create();
        var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, name), clock);
        var data = new TestData(services, clock);
        var la = await data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var officer = await data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        return new World(services, data, clock, new Actor(officer.Id, officer.Email!, WaypointRole.TrackingOfficer, la.Id, "931", null));
    }

    private static Activity College(DateOnly start) => new()
    {
        Code = "230", StartDate = start, DateAscertained = start, DateVerified = new(2026, 10, 1), PredictedEndDate = new(2027, 7, 31),
        EstablishmentNumber = "9314001", EstablishmentName = "Oxford College", Ukprn = "10001234", Source = "College",
    };

    private static string Id(YoungPerson person) => "931" + person.LocalId;

    private static List<string> ExportedIds(byte[] bytes) =>
        XDocument.Load(new MemoryStream(bytes)).Root!.Elements("YoungPersonsRecord")
            .Select(r => r.Element("PersonalDetails")!.Element("YoungPersonsID")!.Value).ToList();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_MixedPopulation_SelectsTheSectionSixCohort(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "nccis_cohort");
        var yearTen = await world.Data.CreateYoungPersonAsync(yearGroup: 10);
        var yearEleven = await world.Data.CreateYoungPersonAsync(yearGroup: 11);
        var yearTwelve = await world.Data.CreateYoungPersonAsync(yearGroup: 12);
        var nineteen = await world.Data.CreateYoungPersonAsync(yearGroup: 15);
        var nineteenWithPlan = await world.Data.CreateYoungPersonAsync(p => p.HasEhcPlan = true, yearGroup: 15);
        var otherLa = await world.Data.CreateYoungPersonAsync(p => p.LeadLaCode = "330", yearGroup: 12);
        var leftThisMonth = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.CohortStatus = CohortStatus.T;
            p.CohortStatusChangedOn = new(2026, 11, 10);
            p.TransferredToLaCode = "330";
        }, yearGroup: 12);
        var leftLastMonth = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.CohortStatus = CohortStatus.T;
            p.CohortStatusChangedOn = new(2026, 10, 20);
            p.TransferredToLaCode = "330";
        }, yearGroup: 12);

        var (result, bytes) = await world.ExportAsync();

        var ids = ExportedIds(bytes);
        Assert.Equal(new[] { Id(yearEleven), Id(yearTwelve), Id(nineteenWithPlan), Id(leftThisMonth) }.Order(), ids.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(Id(yearTen), ids);
        Assert.DoesNotContain(Id(nineteen), ids);
        Assert.DoesNotContain(Id(otherLa), ids);
        Assert.DoesNotContain(Id(leftLastMonth), ids);
        Assert.Equal(4, result.RecordCount);
        Assert.Equal(1, result.ByCohortStatus["T"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_ActivityThatStoodAtThePeriodEnd_WhetherTheCurrentOneStartedBeforeOrAfterIt(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "nccis_activity_then");
        var year11 = new Activity { Code = "110", StartDate = new(2025, 9, 4), DateAscertained = new(2025, 9, 4), EstablishmentNumber = "9314002", Source = "School roll" };

        // Year 11 history, then college from September: the current activity stood at the end of November.
        var atCollege = await world.Data.CreateYoungPersonAsync(p => p.Activities.AddRange([year11, College(new(2026, 9, 7))]), yearGroup: 12);

        // College from September, then an apprenticeship from 7 December: November's return still says college.
        var apprenticeSince = await world.Data.CreateYoungPersonAsync(p => p.Activities.AddRange([College(new(2026, 9, 7)),
            new Activity { Code = "310", StartDate = new(2026, 12, 7), DateAscertained = new(2026, 12, 7), Source = "Provider return" }]), yearGroup: 12);

        // Only an activity from after the period end: returned with none.
        var startedSince = await world.Data.CreateYoungPersonAsync(p => p.Activities.Add(
            new Activity { Code = "310", StartDate = new(2026, 12, 7), DateAscertained = new(2026, 12, 7), Source = "Provider return" }), yearGroup: 12);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

        var (_, bytes) = await world.ExportAsync();

        var codes = XDocument.Load(new MemoryStream(bytes)).Root!.Elements("YoungPersonsRecord").ToDictionary(
            r => r.Element("PersonalDetails")!.Element("YoungPersonsID")!.Value,
            r => r.Element("Activities")?.Descendants("ActivityCode").Select(c => c.Value).SingleOrDefault());
        Assert.Equal("230", codes[Id(atCollege)]);
        Assert.Equal("230", codes[Id(apprenticeSince)]);
        Assert.Null(codes[Id(startedSince)]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_RecordChangedWhileTheReturnIsRead_WrittenAsItStoodWhenTheExportBegan(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        var settings = await TestDatabases.CreateMigratedAsync(provider, "nccis_snapshot");
        await using var services = CoreServices.Build(settings, clock);
        var data = new TestData(services, clock);
        var la = await data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        var person = await data.CreateYoungPersonAsync(p =>
        {
            p.FamilyName = "Before";
            p.Activities.Add(College(new(2026, 9, 7)));
        }, yearGroup: 12);

        // Someone renames the young person and records them NEET after the export has read the activities but before it
        // reads the people: the return must show one state of the record, not the old activity beside the new name.
        var interceptor = new BeforePeopleAreRead(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var other = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var neet = new Activity
            {
                YoungPersonId = person.Id, Code = "540", StartDate = new(2026, 11, 20), DateAscertained = new(2026, 11, 20),
                NeetStartDate = new(2026, 11, 20), Source = "Adviser",
            };
            other.Activities.Add(neet);
            await other.SaveChangesAsync();
            await other.YoungPeople.Where(p => p.Id == person.Id).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.FamilyName, "After")
                .SetProperty(p => p.CurrentActivityId, neet.Id)
                .SetProperty(p => p.CurrentActivityCode, "540")
                .SetProperty(p => p.CurrentActivityStart, neet.StartDate));
        });
        var options = new DbContextOptionsBuilder<WaypointDbContext>();
        settings.Apply(options);
        options.AddInterceptors(interceptor);
        await using var scope = services.CreateAsyncScope();
        await using var db = new WaypointDbContext(options.Options);
        var exporter = ActivatorUtilities.CreateInstance<NccisExporter>(scope.ServiceProvider, db);
        var officer = await data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        using var buffer = new MemoryStream();

        await exporter.ExportAsync(new Actor(officer.Id, officer.Email!, WaypointRole.TrackingOfficer, la.Id, "931", null), "931", PeriodEnd, buffer);

        Assert.True(interceptor.Fired);
        var record = Assert.Single(XDocument.Load(new MemoryStream(buffer.ToArray())).Root!.Elements("YoungPersonsRecord"));
        Assert.Equal("Before", record.Element("PersonalDetails")!.Element("FamilyName")!.Value);
        Assert.Equal("230", record.Element("Activities")!.Element("Cohort")!.Element("ActivityCode")!.Value);
        await using var check = services.CreateAsyncScope();
        Assert.Equal("After", (await check.ServiceProvider.GetRequiredService<WaypointDbContext>().YoungPeople.SingleAsync(p => p.Id == person.Id)).FamilyName);
    }

    /// <summary>Runs a change on another connection just before the exporter's query of the people (ordered by local ID).</summary>
    private sealed class BeforePeopleAreRead(Func<Task> change) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var sql = command.CommandText.Replace("\"", "", StringComparison.Ordinal);
            if (!Fired && sql.Contains("FROM young_people", StringComparison.Ordinal) && sql.Contains("ORDER BY y.local_id", StringComparison.Ordinal))
            {
                Fired = true;
                await change();
            }

            return result;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_StatusChangedAfterThePeriodEnd_ReturnedAsItStoodThen(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "nccis_status_then");
        var (earlier, later) = (new DateOnly(2026, 10, 20), new DateOnly(2026, 12, 2));

        // Moved away on 2 December: still the LA's (P) at the end of November.
        var movedSince = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.CohortStatus = CohortStatus.T;
            p.CohortStatusChangedOn = later;
            p.TransferredToLaCode = "330";
            p.CohortStatusChanges.Add(new CohortStatusChange { From = CohortStatus.P, To = CohortStatus.T, Reason = "Moved", EffectiveOn = later, TransferredToLaCode = "330" });
            p.EducatedLaCode = null;
        }, yearGroup: 12);

        // Left in October and came back in December: not in November's return at all.
        var backSince = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.CohortStatus = CohortStatus.P;
            p.CohortStatusChangedOn = later;
            p.CohortStatusChanges.Add(new CohortStatusChange { From = CohortStatus.P, To = CohortStatus.T, Reason = "Moved", EffectiveOn = earlier, TransferredToLaCode = "330" });
            p.CohortStatusChanges.Add(new CohortStatusChange { From = CohortStatus.T, To = CohortStatus.P, Reason = "Came back", EffectiveOn = later });
        }, yearGroup: 12);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

        var (result, bytes) = await world.ExportAsync();

        var record = Assert.Single(XDocument.Load(new MemoryStream(bytes)).Root!.Elements("YoungPersonsRecord"));
        var details = record.Element("PersonalDetails")!;
        Assert.Equal(Id(movedSince), details.Element("YoungPersonsID")!.Value);
        Assert.Equal("P", details.Element("CohortStatus")!.Value);
        Assert.Null(details.Element("TransferredToLACode"));
        Assert.Equal("004", details.Element("EducatedLEA")!.Value);
        Assert.DoesNotContain(Id(backSince), Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(1, result.ByCohortStatus["P"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_FullyRecordedPerson_ElementsInSectionElevenOrderAndValid(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "nccis_order");
        var person = await world.Data.CreateYoungPersonAsync(p =>
        {
            p.MiddleNames = "Middle";
            p.AddressLine2 = "Cowley";
            p.County = "Oxfordshire";
            p.EducatedLaCode = "931";
            p.LaCodeAtYear11 = "931";
            p.Uln = "1234567890";
            p.PreviousYoungPersonsId = "3300000000042";
            p.HasSenSupport = true;
            p.IntendedDestinationCode = "111";
            p.Characteristics.Add(new Characteristic { Code = "120", StartDate = new(2026, 1, 5) });
            p.SeptemberGuarantee.Add(new SeptemberGuaranteeOffer { AcademicYear = 2026, YearGroup = 12, StatusCode = "110", LaCode = "931", RecordedOn = new(2026, 6, 1) });
            p.SeptemberGuarantee.Add(new SeptemberGuaranteeOffer { AcademicYear = 2025, YearGroup = 11, StatusCode = "110", LaCode = "931", RecordedOn = new(2025, 6, 1) });
            p.Activities.Add(College(new(2026, 9, 7)));

            // Starts after the period end, so the college place is still the activity current at the period end.
            p.Activities.Add(new Activity { Code = "619", StartDate = new(2026, 12, 1), DateAscertained = new(2026, 12, 1), NeetStartDate = new(2026, 12, 1), Source = "Phone call" });
        }, yearGroup: 12);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

        var (_, bytes) = await world.ExportAsync();

        var root = XDocument.Load(new MemoryStream(bytes)).Root!;
        Assert.Equal("NCCIS", root.Name.LocalName);
        Assert.Equal(["FileHeader", "YoungPersonsRecord"], root.Elements().Select(e => e.Name.LocalName).Distinct());
        Assert.Equal(["Databases", "SourceLEAs", "DateOfSend", "PeriodEnd", "SupplierName", "SupplierXMLVersion", "XMLSchemaVersion"],
            root.Element("FileHeader")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2026-12-03", root.Element("FileHeader")!.Element("DateOfSend")!.Value);
        var record = Assert.Single(root.Elements("YoungPersonsRecord"));
        Assert.Equal(RecordOrder, record.Elements().Select(e => e.Name.LocalName));
        AssertInOrder(PersonalDetailsOrder, record.Element("PersonalDetails")!);
        AssertInOrder(LevelOfNeedOrder, record.Element("LevelOfNeed")!);
        Assert.Equal(["Year12"], record.Element("SeptemberGuarantee")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Y", record.Element("PersonalDetails")!.Element("GuaranteeStatusIndicator")!.Value);
        var cohort = Assert.Single(record.Element("Activities")!.Elements("Cohort"));
        AssertInOrder(CohortOrder, cohort);
        Assert.Equal("230", cohort.Element("ActivityCode")!.Value);
        Assert.Equal("2027-07-31", cohort.Element("DueToLapseDate")!.Value);
        Assert.Equal("N", cohort.Element("CurrencyLapsed")!.Value);
        Assert.Equal(Id(person), record.Element("PersonalDetails")!.Element("YoungPersonsID")!.Value);
        var report = new NccisValidator().Validate(new MemoryStream(bytes));
        Assert.True(report.IsClean, string.Join("\n", report.FileErrors.Select(e => e.Message).Concat(report.RecordErrors.Select(e => $"{e.Code} {e.Field}: {e.Message}"))));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_DemoPopulation_ValidatesClean(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        await using var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, "nccis_demo"), clock);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Actor.System("test"), new DemoOptions(2000, 7));
        }

        var world = new World(services, new TestData(services, clock), clock, Actor.System("test"));
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

        var (result, bytes) = await world.ExportAsync();

        var report = new NccisValidator().Validate(new MemoryStream(bytes));
        foreach (var error in report.FileErrors.Take(20))
        {
            output.WriteLine($"file {error.Code}: {error.Message}");
        }

        foreach (var error in report.RecordErrors.Take(50))
        {
            output.WriteLine($"{error.YoungPersonId} {error.Code} {error.Field}: {error.Message}");
        }

        output.WriteLine($"{result.RecordCount} records, {string.Join(", ", result.ByCohortStatus.Select(s => $"{s.Key} {s.Value}"))}, {result.FileBytes} bytes");
        Assert.True(result.RecordCount > 1000, $"only {result.RecordCount} records exported");
        Assert.Equal(result.RecordCount, report.RecordCount);
        Assert.Equal(0, result.WithoutActivity);
        Assert.Empty(report.Totals);
        Assert.True(report.IsClean);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_ByTrackingOfficer_RecordsSubmissionAndAuditWithHashOfBytesWritten(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "nccis_submission");
        for (var i = 0; i < 3; i++)
        {
            await world.Data.CreateYoungPersonAsync(p => p.Activities.Add(College(new(2026, 9, 7))), yearGroup: 12);
        }

        var (result, bytes) = await world.ExportAsync();

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(hash, result.FileSha256);
        Assert.Equal(bytes.Length, result.FileBytes);
        await using var scope = world.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        var submission = await db.NccisSubmissions.SingleAsync();
        Assert.Equal(result.SubmissionId, submission.Id);
        Assert.Equal(("931", PeriodEnd, 3, hash, (long)bytes.Length, world.Officer.UserId),
            (submission.LaCode, submission.PeriodEnd, submission.RecordCount, submission.FileSha256, submission.FileBytes, submission.CreatedByUserId));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.NccisExported);
        Assert.Equal(world.Officer.UserId, audit.UserId);
        Assert.Equal(submission.Id.ToString(), audit.EntityId);
        Assert.Contains($"\"sha256\":\"{hash}\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains("\"records\":3", audit.Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Export_StaffOfAnotherLa_RefusedAndNothingRecorded(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "nccis_refused");
        var outsider = world.Officer with { LaCode = "330" };

        var exception = await Record.ExceptionAsync(() => world.ExportAsync(outsider));

        Assert.IsType<InvalidOperationException>(exception);
        await using var scope = world.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        Assert.Empty(await db.NccisSubmissions.ToListAsync());
    }

    private static void AssertInOrder(string[] order, XElement parent)
    {
        var positions = parent.Elements().Select(e => (e.Name.LocalName, Position: Array.IndexOf(order, e.Name.LocalName))).ToList();
        Assert.All(positions, p => Assert.True(p.Position >= 0, $"{p.LocalName} is not a documented child of {parent.Name.LocalName}"));
        Assert.Equal(positions.Select(p => p.Position).Order(), positions.Select(p => p.Position));
    }
}
