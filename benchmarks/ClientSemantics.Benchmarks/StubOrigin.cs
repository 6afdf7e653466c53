using System.Net;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// A primary handler that answers synchronously, without a socket: 200 with a small body; "/fresh..." carries max-age so
/// that the cache stores it, and "/fresh-kestrel-headers" also Kestrel's Date and Server. What is left of a call over it is the cost of HttpClient and the handlers above it.
/// </summary>
internal sealed class StubOrigin : HttpMessageHandler
{
    private static readonly byte[] Body = new byte[CacheBenchmarkOrigin.SmallBody];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(Body) };
        response.Content.Headers.ContentLength = Body.Length;
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/fresh", StringComparison.Ordinal))
        {
            response.Headers.TryAddWithoutValidation("Cache-Control", "max-age=86400");
        }

        if (path == "/fresh-kestrel-headers")
        {
            // The fields Kestrel adds to every response: with Age and Cache-Status a hit then has five.
            response.Headers.TryAddWithoutValidation("Date", "Fri, 27 Nov 2026 12:00:00 GMT");
            response.Headers.TryAddWithoutValidation("Server", "Kestrel");
        }

        return Task.FromResult(response);
    }
}
