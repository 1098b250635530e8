using System.Xml.Linq;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Core.Tests.Nccis.Returns;

/// <summary>
/// One file per error number in nccis.md section 8, each the clean file with exactly that fault added; each must
/// report that number and no other.
/// </summary>
public class NccisValidatorErrorTests
{
    private static XDocument C() => NccisTestFile.Clean();

    private static XDocument Neet(string code) => C()
        .Set("ActivityCode", code).Set("StartDate", "2025-10-01").Set("DateAscertained", "2025-10-01").Set("NEETStartDate", "2025-09-20")
        .Set("DueToLapseDate", null).Set("PredictedEndDate", null).Set("EstablishmentNumber", null).Set("UKProviderReferenceNumber", null);

    private static XDocument Year11(string code) => C()
        .Set("DOB", "2010-01-15").Set("ActivityCode", code).Set("DueToLapseDate", "2026-08-31").Set("PredictedEndDate", "2026-08-31");

    private static XDocument TwoRecords(Action<XElement> second)
    {
        var document = C();
        var copy = NccisTestFile.Record(2);
        second(copy);
        document.Root!.Add(copy);
        return document;
    }

    private static void SetIn(XElement record, string name, string value) => record.Descendants(name).First().Value = value;

    private static readonly Dictionary<int, Func<XDocument>> RecordMutations = new()
    {
        [1] = () => C().Set("YoungPersonsID", "93100001"),
        [2] = () => C().Set("GivenName", null),
        [3] = () => C().Set("FamilyName", null),
        [4] = () => C().Set("Gender", null),
        [5] = () => C().Set("Gender", "X"),
        [6] = () => C().Set("Ethnicity", null),
        [7] = () => C().Set("Ethnicity", "WIRT"),
        [8] = () => C().Set("DOB", null),
        [9] = () => C().Set("DOB", "1995-01-01").Set("SENDFlag", "Y"),
        [10] = () => C().Set("DOB", "2012-01-15").Set("ActivityCode", "110"),
        [11] = () => C().Set("CohortStatus", null),
        [13] = () => C().Set("CohortStatus", "T"),
        [14] = () => C().Set("LeadLEA", null),
        [15] = () => C().Set("LeadLEA", "999"),
        [19] = () => C().Set("EducatedLEA", "999"),
        [24] = () => C().Set("LEACodeAtYear11", "999").Set("SeptemberGuarantee", null).Set("GuaranteeStatusIndicator", null),
        [25] = () => C().Set("LEACodeAtYear11", "886"),
        [26] = () => C().Set("LeadLEA", "886"),
        [27] = () => C().Set("GuaranteeStatus", "999"),
        [30] = () => C().Set("UniqueLearnerNo", "0123456789"),
        [31] = () => C().Set("AddressLine1", null).Set("Town", null),
        [32] = () => C().Set("Postcode", null),
        [34] = () => C().Set("TransferredToLACode", "886"),
        [35] = () => C().Set("CohortStatus", "T").Set("TransferredToLACode", "999"),
        [37] = () => C().Set("PreviousYPIDIdentifier", "123"),
        [38] = () => C().Set("UniquePupilNumber", "A12345"),
        [39] = () => C().Set("UKProviderReferenceNumber", "20001234"),
        [40] = () => C().Set("DOB", "2007-01-15"),
        [41] = () => C().Set("CohortStatus", "T").Set("TransferredToLACode", "004"),
        [42] = () => C().Set("CohortStatus", "T").Set("TransferredToLACode", "931"),
        [43] = () => C().Set("Postcode", "OX43AB"),
        [100] = () => C().Set("LevelOfNeedCode", null),
        [101] = () => C().Set("LevelOfNeedCode", "5"),
        [102] = () => C().Set("SENDFlag", "X"),
        [103] = () => C().Set("SENDFlag", null),
        [104] = () => C().Set("CharacteristicCode", "999"),
        [200] = () => C().Set("ActivityCode", null),
        [201] = () => C().Set("ActivityCode", "999"),
        [202] = () => C().Set("StartDate", null),
        [203] = () => C().Set("DateAscertained", null),
        [220] = () => C().Set("CurrencyLapsed", null),
        [221] = () => C().Set("CurrencyLapsed", "X"),
        [224] = () => Neet("619").Set("NEETStartDate", null),
        [225] = () => Neet("619").Set("NEETStartDate", "2025-10-15"),
        [226] = () => C().Set("NEETStartDate", "2025-09-01"),
        [228] = () => C().Set("EstablishmentNumber", "12345"),
        [229] = () => C().Set("DOB", "2010-01-15"),
        [230] = () => C().Set("ActivityCode", "110"),
        [231] = () => C().Set("CurrencyLapsed", "Y"),
        [232] = () => C().Set("DueToLapseDate", "2025-10-31"),
        [233] = () => Neet("620"),
        [234] = () => Neet("630"),
        [235] = () => Neet("650"),
        [237] = () => C().Set("DateAscertained", "2025-10-15"),
        [238] = () => C().Set("DueToLapseDate", "2027-08-31"),
        [242] = () => C().Set("DateAscertained", "2025-08-01"),
        [243] = () => C().Set("DueToLapseDate", null),
        [244] = () => C().Set("DueToLapseDate", "31/08/2026"),
        [251] = () => Neet("619").Set("NEETStartDate", "2023-01-01"),
        [253] = () => C().Set("ActivityCode", "440"),
        [254] = () => C().Set("ActivityCode", "280"),
        [255] = () => C().Set("ActivityCode", "460"),
        [256] = () => C().Set("DateVerified", "2025-08-01"),
        [257] = () => C().Set("ReviewDate", "2027-12-01"),
        [258] = () => C().Set("PredictedEndDate", "2027-13-45"),
        [259] = () => C().Set("PredictedEndDate", null),
        [260] = () => C().Set("Gender", "M").Set("CharacteristicCode", "180"),
        [261] = () => C().Set("LEACode", "999").Set("LEACodeAtYear11", null),
        [262] = () => C().Set("ActivityCode", "260"),
        [302] = () => C().Set("IntendedDestinationYr11", "999"),
        [303] = () => C().Set("SENSupportFlag", null),
        [304] = () => C().Set("SENSupportFlag", "X"),
        [305] = () => C().Set("DateVerified", "2025-12-15"),
        [306] = () => C().Set("SENDFlag", "Y").Set("SENSupportFlag", "Y"),
        [902] = () => TwoRecords(r => SetIn(r, "YoungPersonsID", "9310000000001")),
        [905] = () => C().Set("CohortStatus", "G").Set("GuaranteeStatusIndicator", null).Set("GuaranteeStatus", null),
        [906] = () => C().Set("GuaranteeStatus", null),
        [907] = () => TwoRecords(r => SetIn(r, "UniqueLearnerNo", "1000000001")),
        [908] = () => TwoRecords(r =>
        {
            SetIn(r, "GivenName", "Givenb");
            SetIn(r, "FamilyName", "Familya");
            SetIn(r, "DOB", "2008-09-02");
        }),
        [909] = () => Year11("110").Set("StartDate", "2024-09-01").Set("DateAscertained", "2024-09-01").Set("DateVerified", "2025-06-01"),
    };

    private static readonly Dictionary<int, Func<XDocument>> FileMutations = new()
    {
        [240] = () =>
        {
            var document = C();
            document.FirstRecord().Element("Activities")!.Remove();
            return document;
        },
        [903] = () => C().Set("YoungPersonsID", "5550000000001"),
        [904] = () => C().Set("CohortStatus", "X"),
    };

    // The 2015-16 checks DfE has retired, run only with RetiredChecks on.
    private static readonly Dictionary<int, Func<XDocument>> RetiredMutations = new()
    {
        [29] = () => C().Set("YouthContractIndicator", "Y"),
        [33] = () => C().Set("DOB", "2005-01-15"),
        [36] = () => C().Set("YouthContractIndicator", "X"),
        [236] = () => C().Set("ActivityCode", "720").Set("ReviewDate", "2026-01-31"),
        [301] = () => Year11("110").Set("IntendedDestinationYr11", null),
    };

    public static TheoryData<int> RecordErrorNumbers => new(RecordMutations.Keys.Order());

    public static TheoryData<int> RetiredErrorNumbers => new(RetiredMutations.Keys.Order());

    public static TheoryData<int> FileErrorNumbers => new(FileMutations.Keys.Order());

    private static NccisValidationReport Validate(XDocument document, bool retiredChecks = false)
    {
        using var stream = document.Stream();
        return new NccisValidator().Validate(stream, new NccisValidationOptions { RetiredChecks = retiredChecks });
    }

    [Fact]
    public void Validate_CleanFile_NoErrors()
    {
        var report = Validate(C());

        Assert.Empty(report.FileErrors);
        Assert.Empty(report.RecordErrors);
        Assert.Empty(report.Totals);
        Assert.True(report.IsClean);
        Assert.Equal(1, report.RecordCount);
    }

    [Fact]
    public void Mutations_EveryCatalogueErrorNumber_HasATestFile()
    {
        Assert.Equal(NccisErrorCatalogue.RecordErrors.Keys.Order(), RecordMutations.Keys.Order());
        Assert.Equal([240, 903, 904], FileMutations.Keys.Order());
        Assert.Equal(NccisErrorCatalogue.RetiredRecordErrors.Keys.Order(), RetiredMutations.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(RetiredErrorNumbers))]
    public void Validate_RetiredChecksOn_FileWithRetiredError_ReportsThatNumber(int code)
    {
        var retired = Validate(RetiredMutations[code](), retiredChecks: true);
        var current = Validate(RetiredMutations[code]());

        var error = Assert.Single(retired.RecordErrors);
        Assert.Equal(code, error.Code);
        Assert.Equal(NccisErrorCatalogue.RetiredRecordErrors[code].Priority, error.Priority);
        Assert.Equal(1, retired.Totals[code]);
        Assert.DoesNotContain(current.RecordErrors, e => e.Code == code);
    }

    [Fact]
    public void Validate_RetiredChecksOn_CleanFile_NoErrors()
    {
        Assert.True(Validate(C(), retiredChecks: true).IsClean);
        Assert.True(Validate(Year11("110"), retiredChecks: true).IsClean);
    }

    [Theory]
    [MemberData(nameof(RecordErrorNumbers))]
    public void Validate_FileWithRecordError_ReportsThatNumber(int code)
    {
        var report = Validate(RecordMutations[code]());

        var errors = report.RecordErrors.Where(e => e.Code == code).ToList();
        Assert.NotEmpty(errors);
        // Verified before the start date is necessarily verified before ascertained (237) too: ascertained is not before the start.
        Assert.Equal(code == 256 ? [237, 256] : [code], report.RecordErrors.Select(e => e.Code).Distinct().Order());
        Assert.Empty(report.FileErrors);
        Assert.False(report.Refused);
        Assert.All(errors, e =>
        {
            Assert.Equal(NccisErrorCatalogue.RecordErrors[code].Priority, e.Priority);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.False(string.IsNullOrWhiteSpace(e.Field));
        });
        Assert.Equal(code == NccisErrorCatalogue.SuspectedDuplicate ? 0 : errors.Count, report.Totals.GetValueOrDefault(code));
    }

    [Theory]
    [MemberData(nameof(FileErrorNumbers))]
    public void Validate_FileWithFileError_ReportsThatNumber(int code)
    {
        var report = Validate(FileMutations[code]());

        Assert.Equal(code, Assert.Single(report.FileErrors).Code);
        Assert.Empty(report.RecordErrors);
        Assert.Equal(1, report.Totals[code]);
        Assert.False(report.IsClean);
    }

    [Theory]
    [InlineData("2008-02-29")]
    [InlineData("2009-02-28")]
    [InlineData("2009-02-29")]
    [InlineData("2008-04-31")]
    [InlineData("2008-13-01")]
    [InlineData("2008-00-10")]
    [InlineData("2008-01-00")]
    [InlineData("0000-01-01")]
    [InlineData("2008-1-01")]
    [InlineData("2008/01/01")]
    [InlineData("20080101")]
    [InlineData("2008-01-01T00:00")]
    [InlineData("2008-01-0a")]
    [InlineData("+008-01-01")]
    [InlineData("\u0662\u0660\u0660\u0668-\u0660\u0661-\u0660\u0661")]
    public void Validate_DateForms_ReadExactlyAsYearMonthDay(string dob)
    {
        // The validator reads dates by hand; it must accept exactly what the general parser with this format accepts.
        dob = System.Text.RegularExpressions.Regex.Unescape(dob);
        var expected = DateOnly.TryParseExact(dob, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

        var report = Validate(C().Set("DOB", dob).Set("SENDFlag", "Y"));

        Assert.Equal(!expected, report.RecordErrors.Any(e => e.Code == 8));
    }

    [Fact]
    public void Validate_CrossRecord_IdentifiersThatAreNotPlainNumbersAndNamesInAnotherCase_StillCompared()
    {
        // A ULN with a leading zero (wrong, error 30) and IDs that are not numbers are compared as text; names without case.
        var document = C().Set("UniqueLearnerNo", "0123456789").Set("YoungPersonsID", "931000000000A");
        var second = NccisTestFile.Record(2);
        SetIn(second, "YoungPersonsID", "931000000000A");
        var third = NccisTestFile.Record(3);
        SetIn(third, "UniqueLearnerNo", "0123456789");
        SetIn(third, "GivenName", "GIVENB");
        SetIn(third, "FamilyName", "familya");
        SetIn(third, "DOB", "2008-09-02");
        document.Root!.Add(second, third);

        var report = Validate(document);

        Assert.Contains(report.RecordErrors, e => e is { Code: 902, YoungPersonId: "931000000000A" });
        var uln = Assert.Single(report.RecordErrors, e => e.Code == 907);
        Assert.Equal("9310000000003", uln.YoungPersonId);
        Assert.Contains("also on young person 931000000000A", uln.Message, StringComparison.Ordinal);
        var duplicate = Assert.Single(report.RecordErrors, e => e.Code == NccisErrorCatalogue.SuspectedDuplicate);
        Assert.Equal("9310000000003", duplicate.YoungPersonId);
        Assert.Contains("duplicate of young person 931000000000A", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SuspectedDuplicateOnly_ListedButNotCounted()
    {
        var report = Validate(RecordMutations[908]());

        var duplicate = Assert.Single(report.RecordErrors);
        Assert.Equal(3, duplicate.Priority);
        Assert.Equal("9310000000002", duplicate.YoungPersonId);
        Assert.Empty(report.Totals);
        Assert.True(report.IsClean);
    }

    [Fact]
    public void Validate_PeriodEndOption_OverridesTheHeader()
    {
        using var stream = C().Stream();

        // A year later the Year 12 young person is academic age 17 and the activity's currency has lapsed.
        var report = new NccisValidator().Validate(stream, new NccisValidationOptions { PeriodEnd = new DateOnly(2026, 11, 30) });

        Assert.Contains(report.RecordErrors, e => e.Code == 232);
    }
}
