using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ClientSemantics.Tests.Recovery;

/// <summary>The whole pipeline against a real Kestrel origin: what crossed the wire, and how many times.</summary>
public sealed class RecoveryPipelineTests
{
    [Fact]
    public async Task Post_417ToExpectContinue_RepeatsOnceWithoutTheExpectation()
    {
        await using var origin = await TestOrigin.StartAsync();
        // Kestrel itself answers Expect with 100 Continue; this origin refuses the expectation the way a proxy might.
        origin.Map("/upload", ctx => Answer(ctx, ctx.Request.Headers.ContainsKey("Expect") ? 417 : 200));
        await using var client = TestClient.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/upload")) { Content = new StringContent("payload") };
        request.Headers.ExpectContinue = true;

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = origin.RequestsTo("/upload");
        Assert.Equal(2, sent.Count);
        Assert.Equal("100-continue", sent[0].Header("Expect"));
        Assert.Null(sent[1].Header("Expect"));
        Assert.Equal("payload", sent[1].BodyText);
        AssertTraced(response, 417, "repeat", "without the expectation");
    }

    [Fact]
    public async Task Post_411ToChunkedBody_RepeatsOnceWithMeasuredContentLength()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/length", ctx => Answer(ctx, ctx.Request.ContentLength is null ? 411 : 200));
        await using var client = TestClient.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/length")) { Content = new StringContent("0123456789") };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = origin.RequestsTo("/length");
        Assert.Equal(2, sent.Count);
        Assert.Equal("chunked", sent[0].Header("Transfer-Encoding"));
        Assert.Null(sent[0].Header("Content-Length"));
        Assert.Equal("10", sent[1].Header("Content-Length"));
        Assert.Null(sent[1].Header("Transfer-Encoding"));
        Assert.Equal("0123456789", sent[1].BodyText);
        AssertTraced(response, 411, "repeat", "Content-Length: 10");
    }

    [Fact]
    public async Task Post_411ToChunkedStreamBody_IsReturnedAfterOneRequest()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/length", ctx => Answer(ctx, ctx.Request.ContentLength is null ? 411 : 200));
        await using var client = TestClient.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/length"))
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("0123456789"))),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
        Assert.Equal(1, origin.CountFor("/length"));
        AssertTraced(response, 411, "return", "cannot be re-read");
    }

    [Fact]
    public async Task Post_415ToGzipBody_WithAcceptEncodingIdentity_RepeatsOnceUncoded()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/ingest", async ctx =>
        {
            if (ctx.Request.Headers.ContainsKey("Content-Encoding"))
            {
                ctx.Response.Headers.Append("Accept-Encoding", "identity");
                await Answer(ctx, 415);
                return;
            }

            await Answer(ctx, 200);
        });
        await using var client = TestClient.Create();
        var content = new ByteArrayContent(Gzip("{\"n\":1}"));
        content.Headers.ContentEncoding.Add("gzip");
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/ingest")) { Content = content };

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = origin.RequestsTo("/ingest");
        Assert.Equal(2, sent.Count);
        Assert.Equal("gzip", sent[0].Header("Content-Encoding"));
        Assert.Null(sent[1].Header("Content-Encoding"));
        Assert.Equal("application/json", sent[1].Header("Content-Type"));
        Assert.Equal("{\"n\":1}", sent[1].BodyText);
        AssertTraced(response, 415, "repeat", "without the gzip coding");
    }

    [Fact]
    public async Task Post_415ThatAcceptsOurCoding_IsAMediaTypeProblem_AndSentOnce()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/ingest", 415, null, ("Accept-Encoding", "gzip"));
        await using var client = TestClient.Create();
        var content = new ByteArrayContent(Gzip("<n/>"));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/ingest"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(1, origin.CountFor("/ingest"));
        AssertTraced(response, 415, "return", "media type is the problem");
    }

    [Fact]
    public async Task Get_505OverHttp2_RepeatsOnceOverHttp11()
    {
        var protocols = new ConcurrentQueue<string>();
        // Kestrel speaks HTTP/2 on cleartext only without HTTP/1.1, so the origin uses TLS and ALPN picks the version.
        using var certificate = TestCertificate.Create();
        await using var origin = await TestOrigin.StartAsync(k => k.Options.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http1AndHttp2;
            l.UseHttps(certificate);
        }));
        origin.Map("/v", ctx =>
        {
            protocols.Enqueue(ctx.Request.Protocol);
            return Answer(ctx, ctx.Request.Protocol == "HTTP/2" ? 505 : 200);
        });
        await using var client = TestClient.Create(configureClient: b => b.ConfigurePrimaryHttpMessageHandler(TestCertificate.TrustingHandler));
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/v"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["HTTP/2", "HTTP/1.1"], protocols.ToArray());
        Assert.Equal(HttpVersion.Version11, response.Version);
        AssertTraced(response, 505, "repeat", "over HTTP/1.1");
    }

    [Fact]
    public async Task Get_416ToResumedDownloadThatIsComplete_IsReportedComplete_AndSentOnce()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/file", 416, null, ("Content-Range", "bytes */500"));
        await using var client = TestClient.Create();
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/file"));
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(500, null);

        using var response = await client.CreateHttpClient().SendAsync(request);

        var outcome = response.GetStatusOutcome();
        Assert.Equal(500, outcome.CompleteLength);
        Assert.True(outcome.IsAlreadyComplete);
        Assert.Equal(1, origin.CountFor("/file"));
        AssertTraced(response, 416, "return", "already complete (500 bytes)");
    }

    /// <summary>RFC 9110 gives the client no move for these: any stage that repeats one sends a request the server already refused.</summary>
    [Theory]
    [InlineData(400)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(406)]
    [InlineData(409)]
    [InlineData(414)]
    [InlineData(500)]
    [InlineData(501)]
    public async Task NeverRetriedCodes_AreSentExactlyOnce_ThroughTheWholePipeline(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        // Retry-After on them must not tempt any stage either.
        origin.MapStatus("/once", status, "no", ("Retry-After", "0"));
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        using var get = await http.GetAsync(origin.Url("/once"));
        using var post = await http.PostAsync(origin.Url("/once"), new StringContent("body"));

        Assert.Equal(status, (int)get.StatusCode);
        Assert.Equal(status, (int)post.StatusCode);
        Assert.Equal(2, origin.CountFor("/once"));
        Assert.DoesNotContain(get.GetStatusSemanticsTrace()!.Entries, e => e.Decision is "repeat" or "retry" or "follow");
    }

    private static Task Answer(HttpContext ctx, int status)
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static void AssertTraced(HttpResponseMessage response, int status, string decision, string reasonContains)
    {
        var entry = Assert.Single(response.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.Recovery);
        Assert.Equal(status, entry.StatusCode);
        Assert.Equal(decision, entry.Decision);
        Assert.Contains(reasonContains, entry.Reason, StringComparison.Ordinal);
    }
}
