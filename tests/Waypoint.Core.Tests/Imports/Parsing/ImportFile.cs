using System.Text;
using Waypoint.Core.Imports;
using Waypoint.Core.Imports.Parsing;

namespace Waypoint.Core.Tests.Imports.Parsing;

/// <summary>Runs the parsers over text, bytes or a sample file, as of a fixed day.</summary>
internal static class ImportFile
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static ParsedFile Parse(ImportKind kind, string text, ImportLimits? limits = null) =>
        Parse(kind, Encoding.UTF8.GetBytes(text), limits);

    public static ParsedFile Parse(ImportKind kind, byte[] bytes, ImportLimits? limits = null) =>
        ImportParsers.Parse(kind, new MemoryStream(bytes), kind == ImportKind.Ctf ? "test.xml" : "test.csv", Today, limits);

    public static ParsedFile Sample(ImportKind kind, string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Imports", "Parsing", "Samples", name));
        return ImportParsers.Parse(kind, stream, name, Today);
    }

    /// <summary>Lines joined with LF, so a test can put a CSV inline.</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}

/// <summary>A stream that cannot seek, like an upload read straight off the wire.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
