using System.Net;
using BenchmarkDotNet.Attributes;
using ClientSemantics.Caching;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// The CPU a 304 costs the cache, apart from the network: merging the 304 into the stored entry (RFC 9111 4.3.4),
/// parsing the new entry's facts (what the store sizes it by), and building the caller's response. Headers as Kestrel
/// and a typical origin send them.
/// </summary>
[MemoryDiagnoser]
public class CacheMergeBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly HttpRequestMessage _request = new(HttpMethod.Get, "http://origin.test/big");
    private CachedResponse _stored = null!;
    private HttpResponseMessage _notModified = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var ok = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[1024 * 1024]) };
        ok.Headers.TryAddWithoutValidation("Date", "Fri, 27 Nov 2026 11:59:00 GMT");
        ok.Headers.TryAddWithoutValidation("Server", "Kestrel");
        ok.Headers.TryAddWithoutValidation("Cache-Control", "no-cache");
        ok.Headers.TryAddWithoutValidation("ETag", "\"big\"");
        ok.Content.Headers.TryAddWithoutValidation("Content-Type", "application/octet-stream");
        ok.Content.Headers.TryAddWithoutValidation("Last-Modified", "Thu, 26 Nov 2026 10:00:00 GMT");
        _stored = CachedResponseMapper.ToEntry(ok, new byte[1024 * 1024], Now.AddMinutes(-1), Now.AddMinutes(-1), string.Empty);
        _ = _stored.Facts;
        _notModified = new HttpResponseMessage(HttpStatusCode.NotModified) { Content = new ByteArrayContent([]) };
        _notModified.Headers.TryAddWithoutValidation("Date", "Fri, 27 Nov 2026 12:00:00 GMT");
        _notModified.Headers.TryAddWithoutValidation("Server", "Kestrel");
        _notModified.Headers.TryAddWithoutValidation("Cache-Control", "no-cache");
        _notModified.Headers.TryAddWithoutValidation("ETag", "\"big\"");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _request.Dispose();
        _notModified.Dispose();
    }

    [Benchmark]
    public long MergeAndSize() => CachedResponseMapper.Merge(_stored, _notModified, Now, Now).Size;

    [Benchmark]
    public HttpResponseMessage MergeSizeAndRespond()
    {
        var updated = CachedResponseMapper.Merge(_stored, _notModified, Now, Now);
        _ = updated.Size;
        return CachedResponseMapper.ToResponse(updated, _request, "ClientSemantics; fwd=stale; fwd-status=304; stored", null);
    }
}
