using System.Text;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Imports;
using Waypoint.Core.Imports.Parsing;
using Xunit.Abstractions;

namespace Waypoint.Core.Tests.Imports.Parsing;

/// <summary>
/// Measures the heap held by a parse, which counts everything on the heap: in a collection of its own that runs alone,
/// so that no other test's data (a generated population, a register) is built between the two readings.
/// </summary>
[Collection(nameof(LargeRollTests))]
public class LargeRollTests(ITestOutputHelper output)
{
    private const int Rows = 100_000;

    [Fact]
    public void Parse_100000RowRoll_StreamsWithBoundedAllocation()
    {
        var path = Path.GetTempFileName();
        try
        {
            WriteRoll(path);
            var fileBytes = new FileInfo(path).Length;

            var heldBefore = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            ParsedFile file;
            using (var stream = File.OpenRead(path))
            {
                file = ImportParsers.Parse(ImportKind.Roll, stream, "big-roll.csv", ImportFile.Today);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var held = GC.GetTotalMemory(forceFullCollection: true) - heldBefore;

            Assert.Null(file.FileError);
            Assert.Empty(file.Rejected);
            Assert.Equal(Rows, file.Records.Count);
            Assert.Equal(Rows + 1, file.Records[^1].Row);

            // Everything allocated, kept or not: the records themselves plus short-lived field strings. Reading the
            // whole file into a string would alone cost twice its size again on top of this.
            output.WriteLine($"{Rows:N0} rows, {fileBytes:N0} bytes: {allocated:N0} bytes allocated ({allocated / Rows:N0} per row), {held:N0} held by the result ({held / Rows:N0} per row).");
            Assert.True(held < 1_500L * Rows, $"The parsed file holds {held:N0} bytes ({held / Rows:N0} per row).");
            Assert.True(allocated < 3_000L * Rows, $"Parsing allocated {allocated:N0} bytes for a {fileBytes:N0}-byte file ({allocated / Rows:N0} per row).");
            GC.KeepAlive(file);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteRoll(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("UPN,Forename,Middle names,Surname,DOB,Sex,Ethnicity,Address line 1,Town,Postcode,LAESTAB,NC year,FSM,SEN provision,Attendance %\r\n");
        for (var i = 0; i < Rows; i++)
        {
            var upn = Upn.Create("938", (1000 + (i / 1000)).ToString(), 2021, i % 1000);
            var dob = new DateOnly(2009, 9, 1).AddDays(i % 700);
            writer.Write($"{upn},Given{i % 5000},,Family{i},{dob:dd/MM/yyyy},{(i % 2 == 0 ? "F" : "M")},WBRI,\"{i % 300} Long Road, Flat {i % 7}\",Chichester,PO19 {i % 10}AB,9384001,{11 + (i % 3)},{(i % 4 == 0 ? "Y" : "N")},N,{90 + (i % 10)}.5\r\n");
        }
    }
}

[CollectionDefinition(nameof(LargeRollTests), DisableParallelization = true)]
public sealed class LargeRollTestsRunAlone;
