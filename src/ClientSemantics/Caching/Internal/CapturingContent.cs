using System.Net;

namespace ClientSemantics.Caching;

/// <summary>
/// Network content that streams through to the caller while a copy is kept, up to a limit. The copy is committed
/// only when the body was read to its end (and matched Content-Length): a body the origin cut short, that the caller
/// abandoned, or that outgrew the limit is never stored.
/// </summary>
internal sealed class CapturingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly long _limit;
    private readonly Func<byte[], ValueTask> _commit;

    public CapturingContent(HttpContent inner, long limit, Func<byte[], ValueTask> commit)
    {
        _inner = inner;
        _limit = limit;
        _commit = commit;
        foreach (var header in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new TeeStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _limit, Headers.ContentLength, _commit);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
