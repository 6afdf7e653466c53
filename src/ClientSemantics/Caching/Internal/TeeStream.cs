namespace ClientSemantics.Caching;

/// <summary>A read-only stream that copies what passes through into a bounded buffer and commits it at a clean end.</summary>
internal sealed class TeeStream(Stream inner, long limit, long? expectedLength, Func<byte[], ValueTask> commit) : Stream
{
    private MemoryStream? _copy = new();
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Copy(buffer[..read]);
        if (read == 0)
        {
            End().AsTask().GetAwaiter().GetResult();
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Copy(buffer.Span[..read]);
        if (read == 0)
        {
            await End().ConfigureAwait(false);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Disposed before the end: the caller stopped reading, so the copy is incomplete and dropped.
            _copy = null;
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Copy(ReadOnlySpan<byte> bytes)
    {
        if (_copy is null || bytes.IsEmpty)
        {
            return;
        }

        if (_copy.Length + bytes.Length > limit)
        {
            _copy = null; // over the per-entry limit: keep streaming, stop copying
            return;
        }

        _copy.Write(bytes);
    }

    private ValueTask End()
    {
        if (_ended || _copy is null)
        {
            return ValueTask.CompletedTask;
        }

        _ended = true;
        var body = _copy.ToArray();
        _copy = null;
        return expectedLength is long expected && expected != body.Length ? ValueTask.CompletedTask : commit(body);
    }
}
