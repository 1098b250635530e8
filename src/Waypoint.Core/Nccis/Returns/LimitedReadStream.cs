namespace Waypoint.Core.Nccis.Returns;

/// <summary>
/// Passes reads through to a stream until more than <paramref name="maxBytes"/> have been read, then throws. Used when
/// the stream cannot tell its length up front (pipes, network, generated streams).
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long maxBytes) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Never ask for more than one byte past the limit, so the overrun is detected without reading on.
        var allowed = (int)Math.Min(buffer.Length, maxBytes - BytesRead + 1);
        var read = inner.Read(buffer[..allowed]);
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new FileTooLargeException(maxBytes);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal sealed class FileTooLargeException(long maxBytes) : IOException($"The file is larger than {maxBytes:N0} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
