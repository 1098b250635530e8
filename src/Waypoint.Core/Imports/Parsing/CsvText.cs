using System.Text;

namespace Waypoint.Core.Imports.Parsing;

/// <summary>
/// Opens a CSV for reading as UTF-8 (a BOM is skipped) and reads any byte sequence that is not UTF-8 as
/// Windows-1252, so a file saved by Excel as "CSV" on a Windows PC keeps its accents and pound signs. Decoding per
/// sequence rather than choosing one encoding for the whole file keeps reading streaming: nothing is read twice.
/// </summary>
/// <remarks>
/// Windows-1252 is not Latin-1: 0x80-0x9F hold the euro sign, curly quotes and dashes. .NET only ships that code page
/// through CodePagesEncodingProvider, which needs process-wide registration, so the 32 differing positions are here.
/// </remarks>
internal sealed class CsvText : DecoderFallback
{
    private static readonly char[] Windows1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>Set once any byte has been read as Windows-1252.</summary>
    public bool UsedWindows1252 { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    public static char FromWindows1252(byte b) => b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;

    public StreamReader Open(Stream stream)
    {
        var utf8 = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).Clone();
        utf8.DecoderFallback = this;

        // The preamble of the given encoding is still skipped; detection is off so a UTF-8 BOM does not swap in
        // Encoding.UTF8 (and its U+FFFD fallback) for ours.
        return new StreamReader(stream, utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
    }

    private sealed class Buffer(CsvText owner) : DecoderFallbackBuffer
    {
        private byte[] bytes = [];
        private int next;

        public override int Remaining => bytes.Length - next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.UsedWindows1252 = true;
            bytes = bytesUnknown;
            next = 0;
            return bytes.Length > 0;
        }

        public override char GetNextChar() => next < bytes.Length ? FromWindows1252(bytes[next++]) : '\0';

        public override bool MovePrevious()
        {
            if (next == 0)
            {
                return false;
            }

            next--;
            return true;
        }

        public override void Reset()
        {
            bytes = [];
            next = 0;
        }
    }
}
