using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Nccis.Returns;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;
using Waypoint.Web.Infrastructure;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Nccis;

/// <summary>The NCCIS return pages and API: create, check, download, list, and check files from other systems.</summary>
[Collection("web")]
public class NccisReturnTests(WebHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    /// <summary>A one-record return from another system; with an empty given name it commits NCCIS error 2.</summary>
    private static string OtherSystemFile(string givenName) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <NCCIS><FileHeader><Databases><DatabaseId>931</DatabaseId></Databases><SourceLEAs><LEACode>931</LEACode></SourceLEAs><DateOfSend>2025-12-03</DateOfSend><PeriodEnd>2025-11-30</PeriodEnd><SupplierName>Other CCIS</SupplierName><SupplierXMLVersion>1.0</SupplierXMLVersion><XMLSchemaVersion>2019-20</XMLSchemaVersion></FileHeader>
        <YoungPersonsRecord><PersonalDetails><YoungPersonsID>9310000000001</YoungPersonsID><CohortStatus>P</CohortStatus><GivenName>{givenName}</GivenName><FamilyName>Family</FamilyName><AddressLine1>2 High Street</AddressLine1><Town>Oxford</Town><Postcode>OX4 3AB</Postcode><Gender>M</Gender><DOB>2008-09-02</DOB><Ethnicity>WOTH</Ethnicity><LeadLEA>931</LeadLEA><EducatedLEA>931</EducatedLEA><LEACodeAtYear11>931</LEACodeAtYear11><UniqueLearnerNo>1000000001</UniqueLearnerNo><UniquePupilNumber>{Upn.Create("931", "4001", 14, 1)}</UniquePupilNumber><GuaranteeStatusIndicator>Y</GuaranteeStatusIndicator></PersonalDetails>
        <SeptemberGuarantee><Year11><GuaranteeStatus>110</GuaranteeStatus><LEACode>931</LEACode></Year11></SeptemberGuarantee>
        <LevelOfNeed><LevelOfNeedCode>2</LevelOfNeedCode><SENDFlag>N</SENDFlag><SENSupportFlag>N</SENSupportFlag></LevelOfNeed>
        <Activities><Cohort><ActivityCode>230</ActivityCode><StartDate>2025-09-01</StartDate><DateAscertained>2025-09-01</DateAscertained><DateVerified>2025-10-01</DateVerified><DueToLapseDate>2026-08-31</DueToLapseDate><CurrencyLapsed>N</CurrencyLapsed><EstablishmentNumber>9314001</EstablishmentNumber><UKProviderReferenceNumber>10001234</UKProviderReferenceNumber><PredictedEndDate>2027-06-30</PredictedEndDate></Cohort></Activities>
        <IntendedDestination><IntendedDestinationYr11>121</IntendedDestinationYr11></IntendedDestination></YoungPersonsRecord></NCCIS>
        """;

    private const string HostileFile = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE NCCIS [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <NCCIS><FileHeader>&secret;</FileHeader></NCCIS>
        """;

    private static async Task<(Organisation La, WaypointUser Officer)> LaAsync(WaypointWebFactory factory, string laCode)
    {
        var la = await factory.Data.CreateOrganisationAsync(OrganisationKind.LocalAuthority, laCode);
        var officer = await factory.Data.CreateUserAsync(WaypointRole.TrackingOfficer, la.Id);
        return (la, officer);
    }

    /// <summary>Two Year 12s: one in education, one with no activity and no postcode (file error 240, record error 32).</summary>
    private static async Task<(YoungPerson InCollege, YoungPerson Unknown)> CohortAsync(WaypointWebFactory factory, string laCode)
    {
        var inCollege = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = laCode;
            p.Activities.Add(new Activity { Code = "230", StartDate = new(2026, 9, 7), DateAscertained = new(2026, 9, 7), PredictedEndDate = new(2027, 7, 31), Source = "College" });
        }, yearGroup: 12);
        var unknown = await factory.Data.CreateYoungPersonAsync(p =>
        {
            p.LeadLaCode = laCode;
            p.Postcode = null;
        }, yearGroup: 12);
        return (inCollege, unknown);
    }

    private static async Task<string> CreateReturnAsync(WebSession session)
    {
        var created = await session.PostFormAsync("/nccis", new Dictionary<string, string> { ["PeriodEnd"] = "2026-10-31" });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        return created.Location!;
    }

    private static async Task<NccisSubmission> SubmissionAsync(WaypointWebFactory factory, string reportPath)
    {
        var id = Guid.Parse(reportPath.Split('/')[^1]);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaypointDbContext>().NccisSubmissions.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private static async Task<PageResponse> UploadAsync(WebSession session, string fileName, string content, string? periodEnd = null)
    {
        var form = await session.GetAsync("/nccis/validate");
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        body.Add(file, "Upload", fileName);
        if (periodEnd is not null)
        {
            var parts = periodEnd.Split('-');
            body.Add(new StringContent(parts[2]), "PeriodEnd.Day");
            body.Add(new StringContent(parts[1]), "PeriodEnd.Month");
            body.Add(new StringContent(parts[0]), "PeriodEnd.Year");
        }

        var response = await session.Client.PostAsync("/nccis/validate", body);
        return new PageResponse(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CreateReturn_ForASmallLa_ShowsTheReportBeforeDownloadAndTheDownloadIsTheSubmittedFile(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var (_, officer) = await LaAsync(factory, "873");
        var (_, unknown) = await CohortAsync(factory, "873");
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);

        // Act
        var start = await session.GetAsync("/nccis");
        var reportPath = await CreateReturnAsync(session);
        var report = await session.GetAsync(reportPath);
        var filtered = await session.GetAsync($"{reportPath}?code=32");
        var download = await session.Client.GetAsync($"{reportPath}/download");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var list = await session.GetAsync("/nccis/returns");

        // Assert: the service navigation leads here, and the form offers last month's end by default
        Assert.NotNull(start.Document.QuerySelector(".govuk-service-navigation a[href='/nccis']"));
        Assert.Equal("2026-10-31", start.Document.QuerySelector("#PeriodEnd option[selected]")?.GetAttribute("value"));

        // Assert: the report shows the counts and the errors, with a warning, before any download
        var submission = await SubmissionAsync(factory, reportPath);
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Equal("2", report.Document.QuerySelector("#count-records")!.TextContent.Trim());
        Assert.Contains("P (current): 2", report.Document.QuerySelector("#count-by-status")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1", report.Document.QuerySelector("#count-without-activity")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("priority 1", report.Document.QuerySelector("#report-result")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(report.Document.QuerySelectorAll("#file-error-list li"), li => li.TextContent.StartsWith("240", StringComparison.Ordinal));
        var totals = report.Document.QuerySelectorAll("#error-totals tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(totals, t => t[0] == "240" && t[2] == "YoungPersonsRecord without Activities" && t[3] == "1");
        Assert.Contains(totals, t => t[0].StartsWith("32", StringComparison.Ordinal) && t[1] == "1" && t[2] == "Postcode missing" && t[3] == "1");
        Assert.Equal(submission.FileSha256, report.Document.QuerySelector("#sha256")!.TextContent.Trim());

        // Assert: filtered by error number, the record error links to the young person's record
        var row = Assert.Single(filtered.Document.QuerySelectorAll("#record-error-list tbody tr"));
        Assert.Equal($"/young-people/{unknown.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"873{unknown.LocalId}", row.QuerySelector("a")!.TextContent.Trim());

        // Assert: the download is exactly the file the submission recorded, under a useful name, and is audited
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/xml", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"NCCIS-873-2026-10-31-{submission.CreatedAt:yyyyMMdd-HHmm}.xml", download.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(submission.FileBytes, bytes.LongLength);
        Assert.Equal(submission.FileSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(2, submission.RecordCount);
        var events = await factory.AuditEventsAsync(q => q.Where(e => e.EntityId == submission.Id.ToString()));
        Assert.Equal([AuditActions.NccisExported, AuditActions.NccisValidated, AuditActions.NccisReportViewed, AuditActions.NccisReportViewed, AuditActions.NccisDownloaded],
            events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(officer.Id, e.UserId));

        // Assert: the submissions list shows it with its error totals and links
        var listed = Assert.Single(list.Document.QuerySelectorAll("#submissions tbody tr"));
        Assert.Contains(submission.FileSha256, listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("240: 1", listed.TextContent, StringComparison.Ordinal);
        Assert.NotNull(listed.QuerySelector($"a[href='{reportPath}/download']"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ValidateUpload_FileWithAMissingGivenName_ShowsErrorTwoAndAuditsTheFileNotItsContents(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer) = await LaAsync(factory, "931");
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        var content = OtherSystemFile(givenName: "");

        var empty = await session.PostFormAsync("/nccis/validate", new Dictionary<string, string>());
        var checkedFile = await UploadAsync(session, "previous-ccis-november.xml", content, periodEnd: "2025-11-30");

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["Choose the NCCIS XML file to check"], empty.ErrorSummary);
        Assert.Equal(HttpStatusCode.OK, checkedFile.Status);
        Assert.Equal("Check of previous-ccis-november.xml", checkedFile.Heading);
        var totals = checkedFile.Document.QuerySelectorAll("#error-totals tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(totals, t => t[0] == "2" && t[1] == "1" && t[2] == "GivenName missing" && t[3] == "1");
        Assert.Contains(checkedFile.Document.QuerySelectorAll("#record-error-list tbody tr"), r => r.TextContent.Contains("9310000000001", StringComparison.Ordinal) && r.TextContent.Contains("GivenName", StringComparison.Ordinal));
        var audit = (await factory.AuditEventsAsync(q => q.Where(e => e.UserId == officer.Id && e.Action == AuditActions.NccisValidated))).Single();
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal("previous-ccis-november.xml", details.RootElement.GetProperty("fileName").GetString());
        Assert.Equal(Encoding.UTF8.GetByteCount(content), details.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))), details.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(1, details.RootElement.GetProperty("totals").GetProperty("2").GetInt32());
        Assert.DoesNotContain("Family", audit.Details, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ValidateUpload_HostileFileWithAnExternalEntity_ShowsTheClearFileError(DatabaseProvider provider)
    {
        var factory = hosts.For(provider);
        var (_, officer) = await LaAsync(factory, "931");
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);

        var checkedFile = await UploadAsync(session, "hostile.xml", HostileFile);

        Assert.Equal(HttpStatusCode.OK, checkedFile.Status);
        Assert.Contains("could not be checked to the end", checkedFile.Document.QuerySelector("#report-result")!.TextContent, StringComparison.Ordinal);
        var error = Assert.Single(checkedFile.Document.QuerySelectorAll("#file-error-list li"));
        Assert.StartsWith($"{NccisErrorCatalogue.DtdProhibited}: The file contains a DTD", error.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", checkedFile.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Api_ValidateAndSubmissions_AnswerWithTheCliJsonShapeAndTheStoredFile(DatabaseProvider provider)
    {
        // Arrange
        var factory = hosts.For(provider);
        var (_, officer) = await LaAsync(factory, "876");
        await CohortAsync(factory, "876");
        using var session = factory.CreateSession();
        await session.SignInAsync(officer.Email!, TestData.Password);
        var reportPath = await CreateReturnAsync(session);
        var submission = await SubmissionAsync(factory, reportPath);
        var content = OtherSystemFile(givenName: "");
        var expected = NccisReportJson.ToText(new NccisValidator().Validate(new MemoryStream(Encoding.UTF8.GetBytes(content)), new NccisValidationOptions { PeriodEnd = new(2025, 11, 30) }));

        // Act
        var asXml = await session.Client.PostAsync("/api/nccis/validate?period_end=2025-11-30", new StringContent(content, Encoding.UTF8, "application/xml"));
        using var multipart = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "return.xml" }, { new StringContent("2025-11-30"), "period_end" } };
        var asForm = await session.Client.PostAsync("/api/nccis/validate", multipart);
        var hostile = await session.Client.PostAsync("/api/nccis/validate", new StringContent(HostileFile, Encoding.UTF8, "text/xml"));
        var badDate = await session.Client.PostAsync("/api/nccis/validate?period_end=31/11/2025", new StringContent(content, Encoding.UTF8, "application/xml"));
        var list = await session.Client.GetAsync("/api/nccis/submissions");
        var file = await session.Client.GetAsync($"/api/nccis/submissions/{submission.Id}/file");
        var report = await session.Client.GetAsync($"/api/nccis/submissions/{submission.Id}/report");
        var openApi = await session.Client.GetStringAsync("/api/openapi/v1.json");

        // Assert: the same JSON, byte for byte, as waypoint nccis validate --format json
        Assert.Equal(HttpStatusCode.OK, asXml.StatusCode);
        Assert.Equal("application/json", asXml.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, await asXml.Content.ReadAsStringAsync());
        Assert.Equal(expected, await asForm.Content.ReadAsStringAsync());
        using (var json = JsonDocument.Parse(expected))
        {
            Assert.Equal(["file_errors", "record_errors", "totals"], json.RootElement.EnumerateObject().Select(p => p.Name));
            var error = json.RootElement.GetProperty("record_errors").EnumerateArray().First(e => e.GetProperty("code").GetInt32() == 2);
            Assert.Equal(["code", "priority", "young_person_id", "field", "message"], error.EnumerateObject().Select(p => p.Name));
        }

        using (var json = JsonDocument.Parse(await hostile.Content.ReadAsStringAsync()))
        {
            Assert.Equal(NccisErrorCatalogue.DtdProhibited, json.RootElement.GetProperty("file_errors")[0].GetProperty("code").GetInt32());
        }

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        // Assert: the submissions list and the stored file and report
        using (var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync()))
        {
            var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(submission.Id, item.GetProperty("id").GetGuid());
            Assert.Equal(submission.FileSha256, item.GetProperty("file_sha256").GetString());
            Assert.True(item.GetProperty("file_kept").GetBoolean());
            Assert.Equal(1, item.GetProperty("totals").GetProperty("240").GetInt32());
        }

        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(submission.FileSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using (var json = JsonDocument.Parse(await report.Content.ReadAsStringAsync()))
        {
            Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("32").GetInt32());
        }

        Assert.Contains("/api/nccis/validate", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/nccis/submissions/{id}/file", openApi, StringComparison.Ordinal);
        Assert.Contains("record_errors", openApi, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SchoolStaffAdvisersAndAnotherLa_AreRefused(DatabaseProvider provider)
    {
        // Arrange: a return of LA 874, and people who must not reach it
        var factory = hosts.For(provider);
        var (la, officer) = await LaAsync(factory, "874");
        await CohortAsync(factory, "874");
        using var owner = factory.CreateSession();
        await owner.SignInAsync(officer.Email!, TestData.Password);
        var reportPath = await CreateReturnAsync(owner);
        var submission = await SubmissionAsync(factory, reportPath);
        var school = await factory.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege, "874");
        var careersLeader = await factory.Data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        var adviser = await factory.Data.CreateUserAsync(WaypointRole.PersonalAdviser, la.Id);
        var (_, otherOfficer) = await LaAsync(factory, "877");

        foreach (var user in new[] { careersLeader, adviser })
        {
            using var session = factory.CreateSession();
            await session.SignInAsync(user.Email!, TestData.Password);
            foreach (var path in new[] { "/nccis", "/nccis/returns", reportPath, $"{reportPath}/download", "/nccis/validate" })
            {
                var page = await session.GetAsync(path);
                Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.Contains("/errors/403", StringComparison.Ordinal), $"{user.Role} {path} gave {page.Status}");
            }

            var home = await session.GetAsync(RoleNavigation.HomePath(user.Role));
            Assert.Null(home.Document.QuerySelector(".govuk-service-navigation a[href='/nccis']"));
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/api/nccis/submissions")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/api/nccis/submissions/{submission.Id}/file")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.PostAsync("/api/nccis/validate", new StringContent(HostileFile, Encoding.UTF8, "application/xml"))).StatusCode);
        }

        using var other = factory.CreateSession();
        await other.SignInAsync(otherOfficer.Email!, TestData.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(reportPath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{reportPath}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/nccis/submissions/{submission.Id}/file")).StatusCode);
        Assert.Empty((await other.GetAsync("/nccis/returns")).Document.QuerySelectorAll("#submissions tbody tr"));
        using var json = JsonDocument.Parse(await other.Client.GetStringAsync("/api/nccis/submissions"));
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        var denied = await factory.AuditEventsAsync(q => q.Where(e => e.UserId == otherOfficer.Id && e.Action == AuditActions.AccessDenied));
        Assert.Equal(3, denied.Count);
        Assert.Empty(await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.NccisDownloaded && e.EntityId == submission.Id.ToString())));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ReturnFiles_PastTheRetentionPeriod_AreDeletedWhileTheSubmissionStays(DatabaseProvider provider)
    {
        // Arrange: an app that keeps return files for 30 days
        await using var factory = new WaypointWebFactory(provider, new Dictionary<string, string?>
        {
            ["Nccis:Returns:FileRetentionDays"] = "30",
            ["Nccis:Returns:Directory"] = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"returns-{Guid.NewGuid():N}"),
        });
        var (_, officer) = await LaAsync(factory, "878");
        await CohortAsync(factory, "878");
        using var first = factory.CreateSession();
        await first.SignInAsync(officer.Email!, TestData.Password);
        var oldReport = await CreateReturnAsync(first);

        // Act: a month later the next return is created
        factory.Clock.Advance(TimeSpan.FromDays(31));
        using var later = factory.CreateSession();
        await later.SignInAsync(officer.Email!, TestData.Password);
        var newReport = await CreateReturnAsync(later);
        var oldPage = await later.GetAsync(oldReport);
        var oldDownload = await later.Client.GetAsync($"{oldReport}/download");
        var list = await later.GetAsync("/nccis/returns");

        // Assert
        Assert.Equal(HttpStatusCode.OK, oldPage.Status);
        Assert.NotNull(oldPage.Document.QuerySelector("#no-file"));
        Assert.Null(oldPage.Document.QuerySelector("#download"));
        Assert.Equal(HttpStatusCode.NotFound, oldDownload.StatusCode);
        var rows = list.Document.QuerySelectorAll("#submissions tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.NotNull(rows[0].QuerySelector($"a[href='{newReport}/download']"));
        Assert.Contains("Not kept", rows[1].TextContent, StringComparison.Ordinal);
        var deleted = Assert.Single(await factory.AuditEventsAsync(q => q.Where(e => e.Action == AuditActions.NccisFileDeleted)));
        Assert.Equal(oldReport.Split('/')[^1], deleted.EntityId);
    }
}
