using Waypoint.Core.Prospectus;

namespace Waypoint.Core.Tests.Prospectus;

public class ApplicationReportCsvTests
{
    private static readonly ApplicationReport Report = new(
        new DateOnly(2027, 1, 31),
        [new ApplicationCountRow("St Mary's, Oxford", 3, 2, 1)],
        [new ApplicationCountRow("=HYPERLINK(\"http://evil\")", 1, 0, 0)],
        [],
        [new CourseFillRow(Guid.NewGuid(), "A level \"Maths\"", "Cherwell College", 30, 3, 12)],
        120,
        [new NotAppliedRow(Guid.NewGuid(), "0000000042", "Sam Smith", new DateOnly(2011, 3, 4), null)],
        4);

    [Fact]
    public void ToCsv_EveryTable_QuotesCommasAndQuotesAndTurnsFormulasIntoText()
    {
        Assert.Equal("School,Applications,Offers,Accepted\r\n\"St Mary's, Oxford\",3,2,1\r\n", ApplicationReports.ToCsv(Report, "by-school"));
        Assert.Equal("Provider,Applications,Offers,Accepted\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",1,0,0\r\n", ApplicationReports.ToCsv(Report, "by-provider"));
        Assert.Equal("Course,Applications,Offers,Accepted\r\n", ApplicationReports.ToCsv(Report, "by-course"));
        Assert.Equal("Course,Provider,Places,Accepted,Filled (%),Applications\r\n\"A level \"\"Maths\"\"\",Cherwell College,30,3,10,12\r\n", ApplicationReports.ToCsv(Report, "fill-rates"));
        Assert.Equal("Local ID,Name,Date of birth,School\r\n0000000042,Sam Smith,2011-03-04,\r\n", ApplicationReports.ToCsv(Report, "not-applied"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationReports.ToCsv(Report, "young-people"));
    }
}
