using System.Text;
using System.Xml.Linq;
using Waypoint.Core.Nccis.Returns;

namespace Waypoint.Core.Tests.Nccis.Returns;

/// <summary>Hostile and unusual files, spelling variants and a large clean file.</summary>
public class NccisValidatorFileTests
{
    private static NccisValidationReport Validate(Stream stream, NccisValidationOptions? options = null) => new NccisValidator().Validate(stream, options);

    private static NccisValidationReport Validate(XDocument document) => Validate(document.Stream());

    private static NccisValidationReport Validate(string xml) => Validate(NccisTestFile.Stream(xml));

    private static string CleanXml() => Encoding.UTF8.GetString(NccisTestFile.Clean().Bytes());

    [Fact]
    public void Validate_ExternalEntity_RefusedWithoutReadingTheFile()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "top-secret-marker");
        try
        {
            var xml = CleanXml()
                .Replace("<NCCIS>", $"<!DOCTYPE NCCIS [<!ENTITY xxe SYSTEM \"{new Uri(secret).AbsoluteUri}\">]>\n<NCCIS>", StringComparison.Ordinal)
                .Replace("<GivenName>Givenb</GivenName>", "<GivenName>&xxe;</GivenName>", StringComparison.Ordinal);

            var report = Validate(xml);

            Assert.True(report.Refused);
            var error = Assert.Single(report.FileErrors);
            Assert.Equal(NccisErrorCatalogue.DtdProhibited, error.Code);
            Assert.DoesNotContain("top-secret-marker", error.Message, StringComparison.Ordinal);
            Assert.Empty(report.RecordErrors);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Validate_BillionLaughs_RefusedWithoutExpanding()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE NCCIS [{entities}]>\n<NCCIS><FileHeader><SupplierName>&lol9;</SupplierName></FileHeader></NCCIS>";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var report = Validate(xml);

        Assert.True(report.Refused);
        Assert.Equal(NccisErrorCatalogue.DtdProhibited, Assert.Single(report.FileErrors).Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000);
    }

    [Fact]
    public void Validate_TwoGigabyteStream_StopsAtTheLimit()
    {
        const long maxBytes = 4 * 1024 * 1024;
        using var stream = new EndlessNccisStream(2L * 1024 * 1024 * 1024, reportLength: false);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var report = Validate(stream, new NccisValidationOptions { MaxBytes = maxBytes });

        Assert.True(report.Refused);
        Assert.Contains(report.FileErrors, e => e.Code == NccisErrorCatalogue.TooLarge);
        Assert.InRange(stream.BytesRead, maxBytes, maxBytes + (1024 * 1024));
        Assert.True(report.RecordCount > 1000, "records before the limit are still validated");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 400L * 1024 * 1024);
    }

    [Fact]
    public void Validate_StreamReportingTwoGigabytes_RefusedByDefaultWithoutReading()
    {
        using var stream = new EndlessNccisStream(2L * 1024 * 1024 * 1024, reportLength: true);

        var report = Validate(stream);

        Assert.True(report.Refused);
        Assert.Equal(NccisErrorCatalogue.TooLarge, Assert.Single(report.FileErrors).Code);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void Validate_TruncatedFile_FileErrorWithLineAndColumnAndEarlierRecordErrors()
    {
        var document = NccisTestFile.Clean().Set("Gender", "X");
        document.Root!.Add(NccisTestFile.Record(2));
        var bytes = document.Bytes();
        var truncated = bytes[..(bytes.Length - 300)];

        var report = Validate(new MemoryStream(truncated));

        Assert.True(report.Refused);
        var error = Assert.Single(report.FileErrors);
        Assert.Equal(NccisErrorCatalogue.MalformedXml, error.Code);
        Assert.Matches(@"line \d+, column \d+", error.Message);
        Assert.Contains(report.RecordErrors, e => e.Code == 5 && e.YoungPersonId == "9310000000001");
    }

    [Fact]
    public void Validate_UnescapedAmpersand_FileErrorWithLineAndColumn()
    {
        var report = Validate(CleanXml().Replace("Oxford", "Oxford & District", StringComparison.Ordinal));

        Assert.True(report.Refused);
        Assert.Equal(NccisErrorCatalogue.MalformedXml, Assert.Single(report.FileErrors).Code);
        Assert.Contains("line ", report.FileErrors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Latin1BytesInUtf8File_EncodingError()
    {
        var xml = CleanXml().Replace("Givenb", "José", StringComparison.Ordinal);
        var bytes = Encoding.Latin1.GetBytes(xml);

        var report = Validate(new MemoryStream(bytes));

        Assert.True(report.Refused);
        var error = Assert.Single(report.FileErrors);
        Assert.Equal(NccisErrorCatalogue.NotUtf8, error.Code);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Utf8ByteOrderMark_Accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(NccisTestFile.Clean().Bytes()).ToArray();

        Assert.True(Validate(new MemoryStream(bytes)).IsClean);
    }

    [Fact]
    public void Validate_RecordWithTooManyElements_Refused()
    {
        var document = NccisTestFile.Clean();
        document.FirstRecord().Descendants("Characteristics").First().Add(Enumerable.Range(0, 6000).Select(_ => new XElement("CharacteristicCode", "110")));

        var report = Validate(document);

        Assert.True(report.Refused);
        Assert.Equal(NccisErrorCatalogue.RecordTooComplex, Assert.Single(report.FileErrors).Code);
    }

    [Fact]
    public void Validate_DeeplyNestedUnknownElement_RefusedEarly()
    {
        var nesting = string.Concat(Enumerable.Repeat("<x>", 200_000));
        var xml = CleanXml().Replace("<YoungPersonsRecord>", nesting + "<YoungPersonsRecord>", StringComparison.Ordinal);

        var report = Validate(xml);

        Assert.True(report.Refused);
        Assert.Equal(NccisErrorCatalogue.RecordTooComplex, Assert.Single(report.FileErrors).Code);
        Assert.Contains("line ", report.FileErrors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OtherRootElement_Refused()
    {
        var report = Validate("<?xml version=\"1.0\"?><Invoice><FileHeader/></Invoice>");

        Assert.True(report.Refused);
        Assert.Equal(NccisErrorCatalogue.NotAnNccisFile, Assert.Single(report.FileErrors).Code);
    }

    [Fact]
    public void Validate_EmptyFile_Refused()
    {
        var report = Validate(new MemoryStream());

        Assert.True(report.Refused);
        Assert.Single(report.FileErrors);
    }

    [Fact]
    public void Validate_MissingAndInvalidHeaderValues_HeaderErrors()
    {
        var document = NccisTestFile.Clean();
        var header = document.Root!.Element("FileHeader")!;
        header.Element("PeriodEnd")!.Value = "30/11/2025";
        header.Element("SupplierName")!.Remove();

        var report = Validate(document);

        Assert.Equal(2, report.FileErrors.Count(e => e.Code == NccisErrorCatalogue.HeaderInvalid));
        Assert.False(report.Refused);
    }

    [Fact]
    public void Validate_SpellingVariants_Accepted()
    {
        // Record 2 is NEET, so without the NeetStartDate spelling it would report error 224.
        var document = NccisTestFile.Document(NccisTestFile.Record(2));
        document.Root!.Name = "NCCIS2015";
        document.Descendants("DatabaseId").Single().Name = "DatabaseID";
        document.Descendants("NEETStartDate").Single().Name = "NeetStartDate";

        var report = Validate(document);

        Assert.True(report.IsClean, string.Join("; ", report.RecordErrors.Select(e => $"{e.Code} {e.Message}")));
    }

    [Fact]
    public void Validate_TenThousandCleanRecords_NoErrors()
    {
        var document = NccisTestFile.Document([.. Enumerable.Range(1, 10_000).Select(NccisTestFile.Record)]);

        var report = Validate(document);

        Assert.Equal(10_000, report.RecordCount);
        Assert.Empty(report.FileErrors);
        Assert.Empty(report.RecordErrors);
        Assert.True(report.IsClean);
    }

    [Fact]
    public void Validate_ManyErroneousRecords_KeepsOnlyTheMaximumButCountsAll()
    {
        var records = Enumerable.Range(1, 50).Select(i =>
        {
            var record = NccisTestFile.Record(i);
            record.Descendants("Gender").First().Value = "X";
            return record;
        });

        var report = Validate(NccisTestFile.Document([.. records]).Stream(), new NccisValidationOptions { MaxRecordErrors = 10 });

        Assert.Equal(10, report.RecordErrors.Count);
        Assert.True(report.RecordErrorsTruncated);
        Assert.Equal(50, report.Totals[5]);
    }

    /// <summary>
    /// A clean header followed by clean records for as long as asked, generated as it is read, so a 2 GB file costs
    /// nothing unless someone reads it all. Counts the bytes handed out.
    /// </summary>
    private sealed class EndlessNccisStream(long length, bool reportLength) : Stream
    {
        private readonly byte[] header = Encoding.UTF8.GetBytes(CleanXml()[..CleanXml().IndexOf("<YoungPersonsRecord>", StringComparison.Ordinal)]);
        private byte[] current = [];
        private int offset;
        private int index;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => reportLength;

        public override bool CanWrite => false;

        public override long Length => reportLength ? length : throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (BytesRead >= length || buffer.IsEmpty)
            {
                return 0;
            }

            if (offset == current.Length)
            {
                current = index == 0 ? header : Encoding.UTF8.GetBytes(NccisTestFile.Record(index).ToString(SaveOptions.DisableFormatting));
                offset = 0;
                index++;
            }

            var n = (int)Math.Min(Math.Min(buffer.Length, current.Length - offset), length - BytesRead);
            current.AsSpan(offset, n).CopyTo(buffer);
            offset += n;
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
