using System.Text;
using System.Xml;

namespace Waypoint.Core.Nccis.Returns;

/// <summary>How every NCCIS file is opened for reading: no DTDs or entities, a byte limit, strict UTF-8.</summary>
internal static class NccisXml
{
    public static readonly string[] RootNames = ["NCCIS", "NCCIS2015"];

    public static XmlReaderSettings ReaderSettings(long maxBytes) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>
    /// Strict UTF-8: invalid bytes throw instead of becoming U+FFFD. Byte-order-mark detection is off so a UTF-16 file
    /// is not silently accepted; the UTF-8 preamble is still skipped.
    /// </summary>
    public static StreamReader OpenText(Stream limited) =>
        new(limited, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
}
