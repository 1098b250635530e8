using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Nccis.Returns;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Nccis.Returns;

public partial class NccisImporterTests
{
    private static readonly Actor System = Actor.System("test");

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private sealed record Db(ServiceProvider Services, FakeTimeProvider Clock) : IAsyncDisposable
    {
        public static async Task<Db> CreateAsync(DatabaseProvider provider, string name)
        {
            var clock = TestClock.Create();
            return new Db(CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, name), clock), clock);
        }

        public async Task<byte[]> ExportAsync(DateOnly periodEnd)
        {
            await using var scope = Services.CreateAsyncScope();
            using var buffer = new MemoryStream();
            await scope.ServiceProvider.GetRequiredService<NccisExporter>().ExportAsync(System, "931", periodEnd, buffer);
            return buffer.ToArray();
        }

        public async Task<NccisImportResult> ImportAsync(byte[] file, bool dryRun = false, string? laCode = null)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NccisImporter>().ImportAsync(
                System, () => new MemoryStream(file), new NccisImportOptions { DryRun = dryRun, LaCode = laCode, FileName = "old-ccis.xml" });
        }

        public async Task<T> QueryAsync<T>(Func<WaypointDbContext, Task<T>> query)
        {
            await using var scope = Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<WaypointDbContext>());
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static byte[] Bytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        document.Save(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex("<DateOfSend>[0-9-]+</DateOfSend>")]
    private static partial Regex DateOfSend();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ExportImportExport_DemoLa_SameFileApartFromDateOfSend(DatabaseProvider provider)
    {
        var periodEnd = new DateOnly(2026, 11, 30);
        await using var source = await Db.CreateAsync(provider, "nccis_rt_source");
        await using (var scope = source.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(System, new DemoOptions(1500, 11));
        }

        source.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var first = await source.ExportAsync(periodEnd);

        await using var target = await Db.CreateAsync(provider, "nccis_rt_target");
        target.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var imported = await target.ImportAsync(first);
        var second = await target.ExportAsync(periodEnd);

        Assert.Empty(imported.FileErrors);
        Assert.Empty(imported.Rejected);
        Assert.True(imported.Records > 700, $"only {imported.Records} records in the demo return");
        Assert.Equal(imported.Records, imported.Created);
        var firstText = Encoding.UTF8.GetString(first);
        var secondText = Encoding.UTF8.GetString(second);
        Assert.Contains("<DateOfSend>2026-12-02</DateOfSend>", firstText, StringComparison.Ordinal);
        Assert.Contains("<DateOfSend>2026-12-04</DateOfSend>", secondText, StringComparison.Ordinal);

        // Byte for byte apart from the header's DateOfSend: compared as bytes after blanking that one element.
        var firstBlanked = Encoding.UTF8.GetBytes(DateOfSend().Replace(firstText, "<DateOfSend/>", 1));
        var secondBlanked = Encoding.UTF8.GetBytes(DateOfSend().Replace(secondText, "<DateOfSend/>", 1));
        Assert.Equal(first.Length, second.Length);
        Assert.True(firstBlanked.AsSpan().SequenceEqual(secondBlanked), FirstDifference(firstText, secondText));
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && (a[i] == b[i] || i < 200))
        {
            i++;
        }

        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return $"files differ at character {i}: ...{a[Math.Max(0, i - 200)..Math.Min(a.Length, i + 100)]}... vs ...{b[Math.Max(0, i - 200)..Math.Min(b.Length, i + 100)]}...";
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_SameFileTwice_SecondChangesNothingAndSaysSo(DatabaseProvider provider)
    {
        await using var db = await Db.CreateAsync(provider, "nccis_import_twice");
        var file = Bytes(NccisTestFile.Document([.. Enumerable.Range(1, 30).Select(NccisTestFile.Record)]));

        var first = await db.ImportAsync(file);
        var people = await db.QueryAsync(d => d.YoungPeople.CountAsync());
        var activities = await db.QueryAsync(d => d.Activities.CountAsync());
        var second = await db.ImportAsync(file);

        Assert.Equal((30, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Null(first.PreviouslyImportedAt);
        Assert.Equal((0, 0, 30), (second.Created, second.Updated, second.Unchanged));
        Assert.NotNull(second.PreviouslyImportedAt);
        Assert.Equal(people, await db.QueryAsync(d => d.YoungPeople.CountAsync()));
        Assert.Equal(activities, await db.QueryAsync(d => d.Activities.CountAsync()));
        Assert.Equal(30, people);
        var audits = await db.QueryAsync(d => d.AuditEvents.Where(a => a.Action == AuditActions.NccisImported).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(first.FileSha256, a.EntityId));
        Assert.Equal(30, await db.QueryAsync(d => d.AuditEvents.CountAsync(a => a.Action == AuditActions.YoungPersonImported)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_DryRun_ReportsCountsAndWritesNothing(DatabaseProvider provider)
    {
        await using var db = await Db.CreateAsync(provider, "nccis_import_dry");
        var file = Bytes(NccisTestFile.Document([.. Enumerable.Range(1, 5).Select(NccisTestFile.Record)]));

        var result = await db.ImportAsync(file, dryRun: true);

        Assert.Equal(5, result.Created);
        Assert.False(result.Committed);
        Assert.Equal(0, await db.QueryAsync(d => d.YoungPeople.CountAsync()));
        Assert.Equal(0, await db.QueryAsync(d => d.AuditEvents.CountAsync(a => a.Action == AuditActions.NccisImported || a.Action == AuditActions.YoungPersonImported)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_RecordsWithPriorityOneErrorsBadCodesOrAnotherLeadLa_RejectedWithLineFieldAndReason(DatabaseProvider provider)
    {
        await using var db = await Db.CreateAsync(provider, "nccis_import_reject");
        var badGender = NccisTestFile.Record(2);
        badGender.Element("PersonalDetails")!.Element("Gender")!.Value = "X";
        var otherLa = NccisTestFile.Record(3);
        otherLa.Element("PersonalDetails")!.Element("LeadLEA")!.Value = "330";
        var noPostcode = NccisTestFile.Record(4);
        noPostcode.Element("PersonalDetails")!.Element("Postcode")!.Remove();
        var file = Bytes(NccisTestFile.Document(NccisTestFile.Record(1), badGender, otherLa, noPostcode));

        var result = await db.ImportAsync(file);

        Assert.Equal(1, result.Created);
        Assert.Equal(3, result.Rejected.Count);
        var gender = Assert.Single(result.Rejected, r => r.YoungPersonsId == "9310000000002");
        Assert.Equal(("Gender", "X"), (gender.Field, gender.Value));
        Assert.True(gender.Line > 1);
        var postcode = Assert.Single(result.Rejected, r => r.YoungPersonsId == "9310000000004");
        Assert.Equal("Postcode", postcode.Field);
        Assert.StartsWith("NCCIS error 32:", postcode.Reason, StringComparison.Ordinal);
        var lead = Assert.Single(result.Rejected, r => r.YoungPersonsId == "9310000000003");
        Assert.Equal("LeadLEA", lead.Field);
        Assert.Equal("330", lead.Value);
        Assert.Equal(["9310000000001"], await db.QueryAsync(d => d.YoungPeople.Select(p => "931" + p.LocalId).ToListAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_HostileFile_RefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var db = await Db.CreateAsync(provider, "nccis_import_hostile");
        var clean = Encoding.UTF8.GetString(Bytes(NccisTestFile.Clean()));
        var hostile = clean.Replace("<NCCIS>", "<!DOCTYPE NCCIS [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><NCCIS>", StringComparison.Ordinal)
            .Replace("<Town>Oxford</Town>", "<Town>&x;</Town>", StringComparison.Ordinal);
        var truncated = Bytes(NccisTestFile.Document([.. Enumerable.Range(1, 10).Select(NccisTestFile.Record)]))[..3000];

        var entity = await db.ImportAsync(Encoding.UTF8.GetBytes(hostile));
        var cut = await db.ImportAsync(truncated);

        Assert.True(entity.Refused);
        Assert.Contains(entity.FileErrors, e => e.Code == NccisErrorCatalogue.DtdProhibited);
        Assert.True(cut.Refused);
        Assert.Contains(cut.FileErrors, e => e.Code == NccisErrorCatalogue.MalformedXml && e.Message.Contains("line", StringComparison.Ordinal));
        Assert.Equal(0, await db.QueryAsync(d => d.YoungPeople.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_FromAnotherDatabaseMatchingByUpn_UpdatesHeldRecordAndKeepsItsHistory(DatabaseProvider provider)
    {
        await using var db = await Db.CreateAsync(provider, "nccis_import_match");
        var data = new TestData(db.Services, db.Clock);
        var record = NccisTestFile.Record(4);
        var details = record.Element("PersonalDetails")!;
        var held = await data.CreateYoungPersonAsync(p =>
        {
            p.Upn = details.Element("UniquePupilNumber")!.Value;
            p.Uln = null;
            p.Email = "kept@example.org";
        }, yearGroup: 12);
        var heldActivities = await db.QueryAsync(d => d.Activities.CountAsync(a => a.YoungPersonId == held.Id));
        details.Element("YoungPersonsID")!.Value = "8880000123456";
        var file = NccisTestFile.Document(record);
        file.Root!.Element("FileHeader")!.Element("Databases")!.Element("DatabaseId")!.Value = "888";

        var result = await db.ImportAsync(Bytes(file));

        Assert.Equal((0, 1), (result.Created, result.Updated));
        var person = await db.QueryAsync(d => d.YoungPeople.Include(p => p.Activities).SingleAsync());
        Assert.Equal(held.Id, person.Id);
        Assert.Equal(held.LocalId, person.LocalId);
        Assert.Equal("kept@example.org", person.Email);
        Assert.Equal(details.Element("GivenName")!.Value, person.GivenName);
        Assert.Equal(details.Element("UniqueLearnerNo")!.Value, person.Uln);
        Assert.Equal(heldActivities + 1, person.Activities.Count);
        var change = await db.QueryAsync(d => d.AuditEvents.SingleAsync(a => a.Action == AuditActions.YoungPersonImported));
        Assert.Equal(held.Id, change.YoungPersonId);
        Assert.Contains("GivenName", change.Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_NewRecordFromAnotherDatabase_KeepsLocalNumberAndOldIdAsPrevious(DatabaseProvider provider)
    {
        await using var db = await Db.CreateAsync(provider, "nccis_import_prev");
        var record = NccisTestFile.Record(6);
        record.Element("PersonalDetails")!.Element("YoungPersonsID")!.Value = "8880000000777";
        var file = NccisTestFile.Document(record);
        file.Root!.Element("FileHeader")!.Element("Databases")!.Element("DatabaseId")!.Value = "888";

        var result = await db.ImportAsync(Bytes(file), laCode: "931");

        Assert.Equal(1, result.Created);
        var person = await db.QueryAsync(d => d.YoungPeople.Include(p => p.SeptemberGuarantee).Include(p => p.Activities).SingleAsync());
        Assert.Equal("0000000777", person.LocalId);
        Assert.Equal("8880000000777", person.PreviousYoungPersonsId);
        Assert.Equal(person.Activities.Single().Id, person.CurrentActivityId);
        Assert.Single(person.SeptemberGuarantee);
    }
}
