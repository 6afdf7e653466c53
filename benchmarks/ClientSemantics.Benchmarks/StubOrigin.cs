using System.Net;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// A primary handler that answers synchronously, without a socket: 200 with a small body; "/fresh" carries max-age so
/// that the cache stores it. What is left of a call over it is the cost of HttpClient and the handlers above it.
/// </summary>
internal sealed class StubOrigin : HttpMessageHandler
{
    private static readonly byte[] Body = new byte[CacheBenchmarkOrigin.SmallBody];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(Body) };
        response.Content.Headers.ContentLength = Body.Length;
        if (request.RequestUri!.AbsolutePath == "/fresh")
        {
            response.Headers.TryAddWithoutValidation("Cache-Control", "max-age=86400");
        }

        return Task.FromResult(response);
    }
}
