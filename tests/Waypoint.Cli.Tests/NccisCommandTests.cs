using System.Text.Json;

namespace Waypoint.Cli.Tests;

public sealed class NccisCommandTests : IDisposable
{
    internal const string CleanRecord = """
          <YoungPersonsRecord>
            <PersonalDetails>
              <YoungPersonsID>9310000000001</YoungPersonsID>
              <CohortStatus>P</CohortStatus>
              <GivenName>Ada</GivenName>
              <FamilyName>Lovelace</FamilyName>
              <AddressLine1>1 High Street</AddressLine1>
              <Postcode>OX4 3AB</Postcode>
              <Gender>F</Gender>
              <DOB>2009-01-15</DOB>
              <Ethnicity>WBRI</Ethnicity>
              <LeadLEA>931</LeadLEA>
              <EducatedLEA>931</EducatedLEA>
            </PersonalDetails>
            <LevelOfNeed>
              <LevelOfNeedCode>3</LevelOfNeedCode>
              <SENDFlag>N</SENDFlag>
              <SENSupportFlag>N</SENSupportFlag>
            </LevelOfNeed>
            <Activities>
              <Cohort>
                <ActivityCode>230</ActivityCode>
                <StartDate>2025-09-01</StartDate>
                <DateAscertained>2025-09-01</DateAscertained>
                <DateVerified>2025-10-01</DateVerified>
                <DueToLapseDate>2026-08-31</DueToLapseDate>
                <CurrencyLapsed>N</CurrencyLapsed>
                <PredictedEndDate>2027-06-30</PredictedEndDate>
              </Cohort>
            </Activities>
          </YoungPersonsRecord>
        """;

    private readonly List<string> files = [];

    internal static string Return(string records) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <NCCIS>
          <FileHeader>
            <Databases><DatabaseId>931</DatabaseId></Databases>
            <SourceLEAs><LEACode>931</LEACode></SourceLEAs>
            <DateOfSend>2025-12-03</DateOfSend>
            <PeriodEnd>2025-11-30</PeriodEnd>
            <SupplierName>Test</SupplierName>
            <SupplierXMLVersion>1</SupplierXMLVersion>
            <XMLSchemaVersion>2019-20</XMLSchemaVersion>
          </FileHeader>
        {records}
        </NCCIS>
        """;

    private string Write(string xml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nccis-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task NccisValidate_CleanFile_ExitCode0()
    {
        var result = await CliRunner.RunAsync(null, "nccis", "validate", Write(Return(CleanRecord)));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("CLEAN", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NccisValidate_FileWithErrorsAsJson_ExitCode1AndSnakeCaseReport()
    {
        var path = Write(Return(CleanRecord.Replace("<Gender>F</Gender>", "<Gender>X</Gender>", StringComparison.Ordinal)
            + CleanRecord.Replace("<CohortStatus>P</CohortStatus>", "<CohortStatus>X</CohortStatus>", StringComparison.Ordinal)));

        var result = await CliRunner.RunAsync(null, "nccis", "validate", path, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["file_errors", "record_errors", "totals"], root.EnumerateObject().Select(p => p.Name));
        var fileError = Assert.Single(root.GetProperty("file_errors").EnumerateArray());
        Assert.Equal(904, fileError.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(fileError.GetProperty("message").GetString()));
        var recordErrors = root.GetProperty("record_errors").EnumerateArray().ToList();
        var gender = Assert.Single(recordErrors, e => e.GetProperty("code").GetInt32() == 5);
        Assert.Equal(2, gender.GetProperty("priority").GetInt32());
        Assert.Equal("9310000000001", gender.GetProperty("young_person_id").GetString());
        Assert.Equal("Gender", gender.GetProperty("field").GetString());
        Assert.Contains("\"X\"", gender.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(recordErrors, e => e.GetProperty("code").GetInt32() == 902);
        var totals = root.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("5").GetInt32());
        Assert.Equal(1, totals.GetProperty("902").GetInt32());
        Assert.Equal(1, totals.GetProperty("904").GetInt32());
    }

    [Fact]
    public async Task NccisValidate_FileWithErrorsAsText_ListsTotalsAndErrors()
    {
        var path = Write(Return(CleanRecord.Replace("<Gender>F</Gender>", "<Gender>X</Gender>", StringComparison.Ordinal)));

        var result = await CliRunner.RunAsync(null, "nccis", "validate", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Totals by error:", result.Output, StringComparison.Ordinal);
        Assert.Contains("9310000000001", result.Output, StringComparison.Ordinal);
        Assert.Contains("Gender \"X\" must be F, M, U (unknown) or W (withheld)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NccisValidate_PeriodEndOption_ChecksAtThatDate()
    {
        var result = await CliRunner.RunAsync(null, "nccis", "validate", Write(Return(CleanRecord)), "--period-end", "2026-11-30", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"232\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NccisValidate_RetiredChecksOption_ReportsRetiredYouthContractError()
    {
        var record = CleanRecord.Replace("<EducatedLEA>931</EducatedLEA>", "<EducatedLEA>931</EducatedLEA><YouthContractIndicator>Q</YouthContractIndicator>", StringComparison.Ordinal);

        var current = await CliRunner.RunAsync(null, "nccis", "validate", Write(Return(record)), "--format", "json");
        var retired = await CliRunner.RunAsync(null, "nccis", "validate", Write(Return(record)), "--retired-checks", "--format", "json");

        Assert.Equal(0, current.ExitCode);
        Assert.Equal(1, retired.ExitCode);
        Assert.Contains("\"36\": 1", retired.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NccisValidate_DtdInFile_ExitCode2()
    {
        var xml = Return(CleanRecord).Replace("<NCCIS>", "<!DOCTYPE NCCIS [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><NCCIS>", StringComparison.Ordinal);

        var result = await CliRunner.RunAsync(null, "nccis", "validate", Write(xml), "--format", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(9003, json.RootElement.GetProperty("file_errors")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task NccisValidate_TruncatedFile_ExitCode2WithLineAndColumn()
    {
        var xml = Return(CleanRecord);

        var result = await CliRunner.RunAsync(null, "nccis", "validate", Write(xml[..(xml.Length / 2)]));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"line \d+, column \d+", result.Output);
    }

    [Fact]
    public async Task NccisValidate_MissingFile_ExitCode2()
    {
        var result = await CliRunner.RunAsync(null, "nccis", "validate", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.xml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--period-end", "30/11/2025", "is not a date in the form YYYY-MM-DD")]
    [InlineData("--format", "xml", "xml")]
    public async Task NccisValidate_BadOption_ExitCode2(string option, string value, string expected)
    {
        var result = await CliRunner.RunAsync(null, "nccis", "validate", Write(Return(CleanRecord)), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
