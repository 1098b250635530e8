using Waypoint.Core.Imports;
using Waypoint.Core.YoungPeople;
using static Waypoint.Core.Tests.Imports.Parsing.ImportFile;

namespace Waypoint.Core.Tests.Imports.Parsing;

public class EnrolmentCsvTests
{
    private const string Header = "UKPRN,Provider name,Learner ULN,Learner forename,Learner surname,Learner DOB,Sex,Postcode,Course title,Mode of study,Activity code,Start date,Planned end date,Leaving date,Leaving reason";

    [Fact]
    public void Parse_EnrolmentAndLeaver_ReadIntoEnrolments()
    {
        var file = Parse(ImportKind.Enrolments, Lines(
            Header,
            "10001234,Example College,1234567805,Sam,Example,14/05/2010,F,me1 1aa,Level 3 Engineering,Full-time,,01/09/2026,30/06/2028,,",
            "10001234,Example College,,Chidi,Okafor,2009-02-28,M,,Plumbing,Apprenticeship,,2025-09-01,,2026-11-20,Moved to employment"));

        Assert.Empty(file.Rejected);
        var sam = file.Records[0];
        Assert.Equal(("1234567805", "ME1 1AA", Gender.F), (sam.Uln, sam.Address?.Postcode, sam.Gender));
        Assert.Equal(("10001234", "Example College"), (sam.SchoolLaEstab, sam.SchoolName));
        Assert.Equal(new IncomingEnrolment("10001234", "Example College", "Level 3 Engineering", "230", new DateOnly(2026, 9, 1), new DateOnly(2028, 6, 30), null, null), sam.Enrolment);
        var leaver = file.Records[1].Enrolment!;
        Assert.Equal(("310", new DateOnly(2026, 11, 20), "Moved to employment"), (leaver.ActivityCode, leaver.LeftOn, leaver.LeavingReason));
    }

    [Theory]
    [InlineData("Full-time", "230")]
    [InlineData("full time", "230")]
    [InlineData("FT", "230")]
    [InlineData("Part-time", "250")]
    [InlineData("Apprenticeship", "310")]
    [InlineData("Traineeship", "450")]
    [InlineData("Supported Internship", "460")]
    public void Parse_ModeOfStudy_MapsToTheNccisActivity(string mode, string activity)
    {
        var file = Parse(ImportKind.Enrolments, Lines("UKPRN,Forename,Surname,DOB,Mode,Start date", $"10001234,Ann,Lee,2009-01-01,{mode},2026-09-01"));

        Assert.Equal(activity, Assert.Single(file.Records).Enrolment?.ActivityCode);
    }

    [Fact]
    public void Parse_ActivityCodeGiven_WinsOverTheMode()
    {
        var file = Parse(ImportKind.Enrolments, Lines("UKPRN,Forename,Surname,DOB,Mode,Activity code,Start date", "10001234,Ann,Lee,2009-01-01,Full-time,220,2026-09-01"));

        Assert.Equal("220", Assert.Single(file.Records).Enrolment?.ActivityCode);
    }

    [Fact]
    public void Parse_UnknownModeActivityAndUkprn_EachReported()
    {
        var file = Parse(ImportKind.Enrolments, Lines("UKPRN,Forename,Surname,DOB,Mode,Activity code,Start date", "1234,Ann,Lee,2009-01-01,Evening,999,2026-09-01"));

        Assert.Equal(["UKPRN", "Activity code", "Mode"], file.Rejected.Select(e => e.Field).ToArray());
        Assert.Empty(file.Records);
    }

    [Fact]
    public void Parse_LeavingDateBeforeStartOrInTheFuture_Rejected()
    {
        var file = Parse(ImportKind.Enrolments, Lines(
            "UKPRN,Forename,Surname,DOB,Start date,Leaving date",
            "10001234,Ann,Lee,2009-01-01,2026-09-01,2026-08-01",
            "10001234,Bob,Ray,2009-01-01,2026-09-01,2026-12-25"));

        Assert.Equal(
            [(2, "Leaving date is before the start date."), (3, "Leaving date is in the future; send the leaver notice once the learner has left.")],
            file.Rejected.Select(e => (e.Row, e.Reason)));
    }

    [Fact]
    public void Parse_MissingUkprnAndStartDate_RowRejected()
    {
        var file = Parse(ImportKind.Enrolments, Lines("UKPRN,Forename,Surname,DOB,Start date", ",Ann,Lee,2009-01-01,"));

        Assert.Equal(["UKPRN is missing.", "Start date is missing."], file.Rejected.Select(e => e.Reason).ToArray());
    }

    [Fact]
    public void Parse_LearnerOlderThanWaypointTracks_Rejected()
    {
        var file = Parse(ImportKind.Enrolments, Lines("UKPRN,Forename,Surname,DOB,Start date", "10001234,Ann,Lee,1990-01-01,2026-09-01"));

        Assert.Contains("aged 13 to 25", Assert.Single(file.Rejected).Reason, StringComparison.Ordinal);
    }
}

public class BenefitClaimCsvTests
{
    private const string Header = "Forename,Surname,Date of birth,Gender,Post code,NI number,Claim date,Benefit type";

    [Fact]
    public void Parse_ClaimNotice_ReadIntoABenefitClaim()
    {
        var file = Parse(ImportKind.BenefitClaims, Lines(Header, "Sam,Example,2008-05-14,Female,SW1A 1AA,ab 12 34 56 c,2026-11-02,Universal Credit"));

        var sam = Assert.Single(file.Records);
        Assert.Equal(Gender.F, sam.Gender);
        Assert.Equal(new IncomingBenefitClaim(new DateOnly(2026, 11, 2), "Universal Credit", "AB123456C"), sam.BenefitClaim);
    }

    [Theory]
    [InlineData("BG123456A")]
    [InlineData("TN123456A")]
    [InlineData("AO123456A")]
    [InlineData("DA123456A")]
    [InlineData("AB123456E")]
    [InlineData("QQ123456C")]
    public void Parse_InvalidNationalInsuranceNumber_Rejected(string nino)
    {
        var file = Parse(ImportKind.BenefitClaims, Lines(Header, $"Sam,Example,2008-05-14,F,,{nino},2026-11-02,Universal Credit"));

        var error = Assert.Single(file.Rejected);
        Assert.Equal(("NI number", nino), (error.Field, error.Value));
    }

    [Fact]
    public void Parse_ClaimDateInTheFutureAndNoBenefit_BothReported()
    {
        var file = Parse(ImportKind.BenefitClaims, Lines(Header, "Sam,Example,2008-05-14,F,,,2027-01-01,"));

        Assert.Equal(["Claim date is in the future.", "Benefit type is missing."], file.Rejected.Select(e => e.Reason).ToArray());
    }
}
