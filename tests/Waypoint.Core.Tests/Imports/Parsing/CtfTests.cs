using System.Text;
using Waypoint.Core.Imports;
using Waypoint.Core.YoungPeople;
using static Waypoint.Core.Tests.Imports.Parsing.ImportFile;

namespace Waypoint.Core.Tests.Imports.Parsing;

public class CtfTests
{
    private static string Ctf(string pupils, string version = "26.0") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <CTfile>
          <Header>
            <CTFversion>{version}</CTFversion>
            <SourceSchool><LEA>938</LEA><Estab>4001</Estab></SourceSchool>
          </Header>
          <CTFpupilData>{pupils}</CTFpupilData>
        </CTfile>
        """;

    private const string Pupil = "<Pupil><UPN>F938400125017</UPN><Surname>Example</Surname><Forename>Sam</Forename><DOB>2010-05-14</DOB><Sex>F</Sex></Pupil>";

    [Fact]
    public void Parse_NamespacedFileWithGenderAndBs7666Address_ReadsThePupil()
    {
        var file = Sample(ImportKind.Ctf, "ctf-namespaced-gender-bs7666.xml");

        Assert.Null(file.FileError);
        Assert.Empty(file.Rejected);
        Assert.Empty(file.Warnings);
        var sam = Assert.Single(file.Records);
        Assert.Equal(1, sam.Row);
        Assert.Equal(("F938400125017", "G80120000101A", "1234567805"), (sam.Upn, sam.FormerUpn, sam.Uln));
        Assert.Equal(("Sam", "Jo", "Example", "Sammy", "Sample"), (sam.GivenName, sam.MiddleNames, sam.FamilyName, sam.PreferredGivenName, sam.PreferredFamilyName));
        Assert.Equal((new DateOnly(2010, 5, 14), Gender.F), (sam.DateOfBirth, sam.Gender));
        Assert.Equal(("WBRI", 11), (sam.EthnicityCode, sam.YearGroup));
        Assert.Equal(new IncomingAddress("Flat 2", "14 High Street", "Westbourne", "Chichester", "West Sussex", "PO18 8AA"), sam.Address);
        Assert.Equal(("sam@example.org", "01243 000000"), (sam.Email, sam.Phone));
        Assert.Equal(("9384001", "126001", "Example Academy"), (sam.SchoolLaEstab, sam.SchoolUrn, sam.SchoolName));
        Assert.Equal((true, true, "K"), (sam.FreeSchoolMeals, sam.LookedAfter, sam.SenProvision));
        Assert.Equal(87.5m, sam.AttendancePercent);
        Assert.Equal(
            [
                new IncomingSchoolPeriod("938", "2001", "Example Primary", new DateOnly(2015, 9, 1), new DateOnly(2021, 7, 20), "Transfer"),
                new IncomingSchoolPeriod("938", "4001", "Example Academy", new DateOnly(2021, 9, 1), null, null),
            ],
            sam.SchoolHistory);
    }

    [Fact]
    public void Parse_PlainFileWithSexAndAddressLines_ReadsOnePupilAndRejectsTheBrokenOne()
    {
        var file = Sample(ImportKind.Ctf, "ctf-plain-sex-addresslines.xml");

        Assert.Null(file.FileError);
        Assert.Equal(2, file.RowsRead);
        var chidi = Assert.Single(file.Records);
        Assert.Equal(("R820123423001", "Chidi", "Okafor", Gender.M), (chidi.Upn, chidi.GivenName, chidi.FamilyName, chidi.Gender));
        Assert.Equal(new IncomingAddress("3 Example Road", "Little Sampling", null, "Exampletown", "Kent", "ME1 1AA"), chidi.Address);
        Assert.Equal(("8201234", null, "Sample High School"), (chidi.SchoolLaEstab, chidi.SchoolUrn, chidi.SchoolName));
        Assert.Equal((false, false, "E"), (chidi.FreeSchoolMeals, chidi.LookedAfter, chidi.SenProvision));
        Assert.Equal(95.0m, chidi.AttendancePercent);
        Assert.Equal(new IncomingSchoolPeriod(null, null, "Unknown previous school", null, null, null), Assert.Single(chidi.SchoolHistory));

        Assert.Equal(
            [
                new ImportRowError(2, "DOB", "2011-02-30", "DOB is not a real date."),
                new ImportRowError(2, "Sex", "X", "Sex must be M, F, U (unknown) or W (withheld)."),
                new ImportRowError(2, "UPN", "A820123423002", "UPN invalid (wrong check letter at character 1)."),
                new ImportRowError(2, "Ethnicity", "ZZZZ", "ZZZZ is not a census or NCCIS ethnicity code."),
            ],
            file.Rejected.OrderBy(e => e.Field == "DOB" ? 0 : e.Field == "Sex" ? 1 : e.Field == "UPN" ? 2 : 3));
    }

    [Fact]
    public void Parse_ExternalEntity_RefusedWithoutReadingTheEntity()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "top-secret-marker");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE CTfile [<!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}">]>
                <CTfile><CTFpupilData><Pupil><Surname>&xxe;</Surname></Pupil></CTFpupilData></CTfile>
                """;

            var file = Parse(ImportKind.Ctf, xml);

            Assert.StartsWith("The file contains a DTD (document type declaration) before its root element", file.FileError, StringComparison.Ordinal);
            Assert.Contains("external entities", file.FileError, StringComparison.Ordinal);
            Assert.DoesNotContain("top-secret-marker", file.FileError, StringComparison.Ordinal);
            Assert.Empty(file.Records);
            Assert.Empty(file.Rejected);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parse_BillionLaughs_RefusedAsADtd()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile [{entities}]>\n<CTfile><Header><CTFversion>&lol9;</CTFversion></Header></CTfile>";

        var file = Parse(ImportKind.Ctf, xml);

        Assert.Contains("DTD", file.FileError, StringComparison.Ordinal);
        Assert.Contains("billion laughs", file.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedFile_RefusedWithLineAndColumn()
    {
        var xml = Ctf(Pupil + Pupil);
        var truncated = xml[..(xml.LastIndexOf("<Pupil>", StringComparison.Ordinal) + 20)];

        var file = Parse(ImportKind.Ctf, truncated);

        Assert.Matches("^The file is not well-formed XML at line [0-9]+, column [0-9]+", file.FileError);
        Assert.Empty(file.Records);
    }

    [Fact]
    public void Parse_UndeclaredEntityReference_RefusedAsMalformed()
    {
        var file = Parse(ImportKind.Ctf, Ctf(Pupil.Replace("Sam", "&sam;", StringComparison.Ordinal)));

        Assert.Contains("not well-formed XML at line", file.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_Refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Ctf(Pupil.Replace("Sam", "S?m", StringComparison.Ordinal)));
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9;

        var file = Parse(ImportKind.Ctf, bytes);

        Assert.Contains("not valid UTF-8", file.FileError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<NCCIS><Header/></NCCIS>", "root element is \"NCCIS\"")]
    [InlineData("<ATfile><Header/></ATfile>", "Admissions Transfer File")]
    public void Parse_NotACtf_Refused(string xml, string reason)
    {
        Assert.Contains(reason, Parse(ImportKind.Ctf, xml).FileError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("26.0", false)]
    [InlineData("25.0", false)]
    [InlineData("24.0", true)]
    [InlineData("27.0", true)]
    public void Parse_CtfVersion_CurrentAndPreviousAcceptedOthersWarned(string version, bool warned)
    {
        var file = Parse(ImportKind.Ctf, Ctf(Pupil, version));

        Assert.Single(file.Records);
        Assert.Equal(warned, file.Warnings.Any(w => w.Contains($"CTF version {version}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_MorePupilsThanTheLimit_FileRefused()
    {
        var file = Parse(ImportKind.Ctf, Ctf(Pupil + Pupil + Pupil), new ImportLimits { MaxRows = 2 });

        Assert.Equal("The file has more than 2 pupils; split it into smaller files.", file.FileError);
    }

    [Fact]
    public void Parse_UnseekableStreamPastTheByteLimit_Refused()
    {
        var xml = Ctf(string.Concat(Enumerable.Repeat(Pupil, 200)));
        var stream = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        var file = Waypoint.Core.Imports.Parsing.ImportParsers.Parse(ImportKind.Ctf, stream, "big.xml", Today, new ImportLimits { MaxBytes = 8192 });

        Assert.Contains("larger than 8,192 bytes", file.FileError, StringComparison.Ordinal);
        Assert.Empty(file.Records);
    }

    [Theory]
    [InlineData("<FSMinstance><FSMstartDate>2020-01-01</FSMstartDate><FSMendDate>2027-03-31</FSMendDate></FSMinstance>", true)]
    [InlineData("<FSMinstance><FSMstartDate>2020-01-01</FSMstartDate><FSMendDate>2026-11-23</FSMendDate></FSMinstance>", false)]
    [InlineData("<FSMinstance><FSMstartDate>2027-01-01</FSMstartDate></FSMinstance>", false)]
    [InlineData("", false)]
    public void Parse_FsmHistory_CurrentWhenAnInstanceHasNotEnded(string instances, bool current)
    {
        var file = Parse(ImportKind.Ctf, Ctf(Pupil.Replace("</Pupil>", $"<FSMhistory>{instances}</FSMhistory></Pupil>", StringComparison.Ordinal)));

        Assert.Equal(current, Assert.Single(file.Records).FreeSchoolMeals);
    }

    [Fact]
    public void Parse_AttendanceThatDoesNotAddUp_PupilRejected()
    {
        var attendance = "<Attendance><YearData><Year>2025</Year><SessionsPossible>100</SessionsPossible><SessionsAuthorised>80</SessionsAuthorised><SessionsUnauthorised>30</SessionsUnauthorised></YearData></Attendance>";

        var file = Parse(ImportKind.Ctf, Ctf(Pupil.Replace("</Pupil>", attendance + "</Pupil>", StringComparison.Ordinal)));

        Assert.Equal("Attendance", Assert.Single(file.Rejected).Field);
    }

    [Fact]
    public void Parse_PupilsNumberedByPosition_UnknownElementsSkipped()
    {
        var broken = Pupil.Replace("2010-05-14", "2030-01-01", StringComparison.Ordinal);
        var file = Parse(ImportKind.Ctf, Ctf($"<Unknown><Pupil/></Unknown>{Pupil}<Other>x</Other>{broken}{Pupil}"));

        Assert.Equal([1, 3], file.Records.Select(r => r.Row));
        Assert.Equal((2, "DOB", "DOB is in the future."), (file.Rejected[0].Row, file.Rejected[0].Field, file.Rejected[0].Reason));
    }

    [Fact]
    public void Parse_LostPupilSourceSchool_XxxIsUnknown()
    {
        var xml = Ctf(Pupil).Replace("<LEA>938</LEA><Estab>4001</Estab>", "<LEA>XXX</LEA><Estab>XXXX</Estab>", StringComparison.Ordinal);

        Assert.Null(Assert.Single(Parse(ImportKind.Ctf, xml).Records).SchoolLaEstab);
    }
}
