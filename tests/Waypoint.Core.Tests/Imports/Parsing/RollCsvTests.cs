using System.Text;
using Waypoint.Core.Imports;
using Waypoint.Core.Imports.Parsing;
using Waypoint.Core.YoungPeople;
using static Waypoint.Core.Tests.Imports.Parsing.ImportFile;

namespace Waypoint.Core.Tests.Imports.Parsing;

public class RollCsvTests
{
    private const string Header = "UPN,Forename,Surname,DOB,Sex,Ethnicity,SEN provision,Postcode";

    [Fact]
    public void Parse_SampleRoll_ReadsEveryColumnUnderItsAlias()
    {
        var file = Sample(ImportKind.Roll, "roll.csv");

        Assert.Null(file.FileError);
        Assert.Empty(file.Rejected);
        Assert.Equal(2, file.RowsRead);
        var sam = file.Records[0];
        Assert.Equal(2, sam.Row);
        Assert.Equal("F938400125017", sam.Upn);
        Assert.Equal("1234567805", sam.Uln);
        Assert.Equal(("Sam", "Jo", "Example", "Sammy"), (sam.GivenName, sam.MiddleNames, sam.FamilyName, sam.PreferredGivenName));
        Assert.Equal(new DateOnly(2010, 5, 14), sam.DateOfBirth);
        Assert.Equal(Gender.F, sam.Gender);
        Assert.Equal("WBRI", sam.EthnicityCode);
        Assert.Equal(new IncomingAddress("1 Example Road, Flat 2", null, null, "Chichester", "West Sussex", "PO18 8AA"), sam.Address);
        Assert.Equal(("sam@example.org", "01243 000000"), (sam.Email, sam.Phone));
        Assert.Equal(("9384001", "126001", "Example Academy"), (sam.SchoolLaEstab, sam.SchoolUrn, sam.SchoolName));
        Assert.Equal(11, sam.YearGroup);
        Assert.Equal((true, "K", false, true, false), (sam.FreeSchoolMeals, sam.SenProvision, sam.LookedAfter, sam.YoungCarer, sam.EnglishAdditionalLanguage));
        Assert.Equal((93.5m, 2, 0), (sam.AttendancePercent, sam.Suspensions, sam.PermanentExclusions));
        Assert.Contains(file.Warnings, w => w.Contains("Columns not read: House colour", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_QuotesCommasAndNewlinesInsideQuotes_KeptInTheField()
    {
        var file = Sample(ImportKind.Roll, "roll.csv");

        var ruth = file.Records[1];
        Assert.Equal(3, ruth.Row);
        Assert.Equal("Ruth \"Ruthie\"", ruth.GivenName);
        Assert.Equal("O'Neill", ruth.FamilyName);
        Assert.Equal("12 Quay Street\nSecond line inside quotes", ruth.Address?.Line1);
    }

    [Fact]
    public void Parse_RowAfterAMultiLineField_NumberedByTheLineItStartsOn()
    {
        var csv = Lines(
            "Forename,Surname,DOB,Address line 1",
            "Ann,Lee,2010-01-01,\"1 Road",
            "Flatshire\"",
            "Bob,,2010-01-01,x");

        var file = Parse(ImportKind.Roll, csv);

        Assert.Equal(2, file.Records[0].Row);
        var error = Assert.Single(file.Rejected);
        Assert.Equal(new ImportRowError(4, "Surname", null, "Surname is missing."), error);
    }

    [Fact]
    public void Parse_CrLfAndLf_ReadTheSame()
    {
        var lf = Lines("Forename,Surname,DOB", "Ann,Lee,2010-01-01", "Bob,Ray,2010-02-02");

        var fromLf = Parse(ImportKind.Roll, lf);
        var fromCrLf = Parse(ImportKind.Roll, lf.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(2, fromCrLf.Records.Count);
        Assert.Equal(fromLf.Records.Select(r => (r.Row, r.GivenName, r.FamilyName)), fromCrLf.Records.Select(r => (r.Row, r.GivenName, r.FamilyName)));
    }

    [Fact]
    public void Parse_RaggedRows_EachRejectedAndTheRestKept()
    {
        var csv = Lines(
            "Forename,Surname,DOB",
            "Ann,Lee",
            "Bob,Ray,2010-02-02",
            "Cat,Day,2010-03-03,extra");

        var file = Parse(ImportKind.Roll, csv);

        Assert.Equal("Bob", Assert.Single(file.Records).GivenName);
        Assert.Collection(
            file.Rejected,
            e => Assert.Equal((2, "Row", "2 fields"), (e.Row, e.Field, e.Value)),
            e => Assert.Equal((4, "Row", "4 fields"), (e.Row, e.Field, e.Value)));
        Assert.Contains("the header has 3", file.Rejected[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnterminatedQuoteAtEndOfFile_RowErrorNotACrash()
    {
        var csv = "Forename,Surname,DOB\nAnn,Lee,2010-01-01\nBob,\"Ray,2010-02-02\n";

        var file = Parse(ImportKind.Roll, csv);

        Assert.Null(file.FileError);
        Assert.Single(file.Records);
        var error = Assert.Single(file.Rejected);
        Assert.Equal(3, error.Row);
        Assert.Contains("no closing quote", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuoteNeverClosedInALargeFile_FileRefusedWithTheLine()
    {
        var csv = new StringBuilder("Forename,Surname,DOB\nAnn,\"Lee,2010-01-01\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append("Bob,Ray,2010-02-02\n");
        }

        var file = Parse(ImportKind.Roll, csv.ToString());

        Assert.NotNull(file.FileError);
        Assert.Contains("opening quote with no closing quote", file.FileError, StringComparison.Ordinal);
        Assert.Empty(file.Records);
    }

    [Fact]
    public void Parse_RowOfThousandsOfCommas_FileRefused()
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB", new string(',', 100_000)));

        Assert.Equal("The file could not be read as CSV: The row starting on line 2 has more than 1,000 fields.", file.FileError);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_HeaderStillRecognised()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Forename,Surname,DOB\nZoë,Brontë,2010-01-01\n")).ToArray();

        var file = Parse(ImportKind.Roll, bytes);

        Assert.Null(file.FileError);
        Assert.Equal(("Zoë", "Brontë"), (file.Records[0].GivenName, file.Records[0].FamilyName));
        Assert.DoesNotContain(file.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Windows1252Bytes_DecodedAsWindows1252WithAWarning()
    {
        // 0xEB is ë and 0x92 a right single quote in Windows-1252; neither is valid UTF-8 here.
        var bytes = Encoding.ASCII.GetBytes("Forename,Surname,DOB\nZo?,O?Brien,2010-01-01\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xEB;
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0x92;

        var file = Parse(ImportKind.Roll, bytes);

        Assert.Equal(("Zoë", "O\u2019Brien"), (file.Records[0].GivenName, file.Records[0].FamilyName));
        Assert.Contains(file.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Windows1252FileLargerThanOneBuffer_EveryAccentDecoded()
    {
        var windows1252 = new List<byte>(Encoding.ASCII.GetBytes("Forename,Surname,DOB,Address line 1\n"));
        for (var i = 0; i < 5000; i++)
        {
            // é (0xE9), £ (0xA3) and € (0x80), which Latin-1 would get wrong.
            var line = Encoding.ASCII.GetBytes($"Ren?{i},Lee,2010-01-01,?{i} ? owed\n");
            line[Array.IndexOf(line, (byte)'?')] = 0xE9;
            line[Array.IndexOf(line, (byte)'?')] = 0xA3;
            line[Array.IndexOf(line, (byte)'?')] = 0x80;
            windows1252.AddRange(line);
        }

        var file = Parse(ImportKind.Roll, windows1252.ToArray());

        Assert.Equal(5000, file.Records.Count);
        Assert.All(file.Records, (r, i) =>
        {
            Assert.Equal($"Ren\u00E9{i}", r.GivenName);
            Assert.Equal($"\u00A3{i} \u20AC owed", r.Address?.Line1);
        });
    }

    [Fact]
    public void Parse_Utf16File_RefusedWithAClearReason()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Forename,Surname,DOB\nAnn,Lee,2010-01-01\n")).ToArray();

        var file = Parse(ImportKind.Roll, bytes);

        Assert.Contains("UTF-16", file.FileError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date_of_birth,FAMILY-NAME,first name")]
    [InlineData("Date of Birth,Last Name,Given Name")]
    [InlineData("D.O.B.,Family name,Forename")]
    public void Parse_HeaderSpellings_FoldedToTheSameColumns(string header)
    {
        var file = Parse(ImportKind.Roll, Lines(header, "2010-01-01,Lee,Ann"));

        Assert.Null(file.FileError);
        Assert.Equal(("Ann", "Lee"), (file.Records[0].GivenName, file.Records[0].FamilyName));
    }

    [Fact]
    public void Parse_UnknownCodes_EachReportedWithFieldAndValue()
    {
        var file = Parse(ImportKind.Roll, Lines(Header, "F938400125017,Ann,Lee,2010-01-01,Z,XXXX,Q,"));

        Assert.Empty(file.Records);
        Assert.Equal(
            [("Sex", "Z"), ("Ethnicity", "XXXX"), ("SEN provision", "Q")],
            file.Rejected.Select(e => (e.Field, e.Value)).ToArray());
        Assert.All(file.Rejected, e => Assert.Equal(2, e.Row));
    }

    [Theory]
    [InlineData("2026-02-30", "not a real date")]
    [InlineData("30/02/2010", "not a real date")]
    [InlineData("2010-13-01", "not a real date")]
    [InlineData("02/30/2010", "not a real date")]
    [InlineData("14 May 2010", "yyyy-mm-dd or dd/mm/yyyy")]
    [InlineData("2027-01-01", "in the future")]
    [InlineData("1980-01-01", "age of 46")]
    public void Parse_BadDateOfBirth_RowRejectedWithReason(string dob, string reason)
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB", $"Ann,Lee,{dob}", "Bob,Ray,01/02/2010"));

        var error = Assert.Single(file.Rejected);
        Assert.Equal((2, "DOB", dob), (error.Row, error.Field, error.Value));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2010, 2, 1), Assert.Single(file.Records).DateOfBirth);
    }

    [Fact]
    public void Parse_InvalidUpn_RejectedWithTheCensusMessage()
    {
        var file = Parse(ImportKind.Roll, Lines(Header, "Z801200001001,Ann,Lee,2010-01-01,F,,,", "h801200001001,Bob,Ray,2010-01-01,M,,,"));

        var error = Assert.Single(file.Rejected);
        Assert.Equal(("UPN", "Z801200001001", "UPN invalid (wrong check letter at character 1)."), (error.Field, error.Value, error.Reason));
        Assert.Equal("H801200001001", Assert.Single(file.Records).Upn);
    }

    [Fact]
    public void Parse_InvalidUlnPostcodeAndEmail_EachReported()
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB,ULN,Postcode,Email", "Ann,Lee,2010-01-01,1234567890,QA1 1AA,ann.example.org"));

        Assert.Equal(["Postcode", "ULN", "Email"], file.Rejected.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void Parse_MissingRequiredColumn_FileRefusedNamingIt()
    {
        var file = Parse(ImportKind.Roll, Lines("UPN,Forename,Surname", "F938400125017,Ann,Lee"));

        Assert.Contains("no DOB column", file.FileError, StringComparison.Ordinal);
        Assert.Empty(file.Records);
    }

    [Fact]
    public void Parse_NoUpnColumn_WarnsThatMatchingUsesNamesOnly()
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB", "Ann,Lee,2010-01-01"));

        Assert.Contains(file.Warnings, w => w.Contains("no UPN column", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BlankLinesAndEmptyRows_Skipped()
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB", "", "Ann,Lee,2010-01-01", ",,", "   "));

        Assert.Equal(1, file.RowsRead);
        Assert.Equal(3, Assert.Single(file.Records).Row);
        Assert.Empty(file.Rejected);
    }

    [Fact]
    public void Parse_MoreRowsThanTheLimit_FileRefused()
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB", "Ann,Lee,2010-01-01", "Bob,Ray,2010-01-01", "Cat,Day,2010-01-01"), new ImportLimits { MaxRows = 2 });

        Assert.Equal("The file has more than 2 rows; split it into smaller files.", file.FileError);
        Assert.Empty(file.Records);
    }

    [Fact]
    public void Parse_LargerThanTheByteLimit_FileRefusedBeforeReading()
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB", "Ann,Lee,2010-01-01"), new ImportLimits { MaxBytes = 10 });

        Assert.Contains("files over 10 bytes are refused", file.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnseekableStreamPastTheByteLimit_RefusedAtTheLimit()
    {
        var csv = new StringBuilder("Forename,Surname,DOB\n");
        for (var i = 0; i < 1000; i++)
        {
            csv.Append("Ann,Lee,2010-01-01\n");
        }

        var stream = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
        var file = ImportParsers.Parse(ImportKind.Roll, stream, "pipe.csv", Today, new ImportLimits { MaxBytes = 4096 });

        Assert.Contains("larger than 4,096 bytes", file.FileError, StringComparison.Ordinal);
        Assert.Empty(file.Records);
    }

    [Fact]
    public void Parse_ExcelWorkbook_RefusedAsNotCsv()
    {
        var file = Parse(ImportKind.Roll, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);

        Assert.Contains("zip archive", file.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyFile_Refused()
    {
        Assert.Contains("empty", Parse(ImportKind.Roll, "").FileError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WENG", "WBRI")]
    [InlineData("wirt", "WOTH")]
    [InlineData("MWAP", "MWAS")]
    [InlineData("OARA", "OARA")]
    public void Parse_CensusEthnicityCodes_RolledUpToNccisCodes(string code, string expected)
    {
        var file = Parse(ImportKind.Roll, Lines("Forename,Surname,DOB,Ethnicity", $"Ann,Lee,2010-01-01,{code}"));

        Assert.Equal(expected, Assert.Single(file.Records).EthnicityCode);
    }
}
