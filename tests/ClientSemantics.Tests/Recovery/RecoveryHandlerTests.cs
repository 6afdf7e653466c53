using System.Diagnostics.Metrics;
using System.Net;
using ClientSemantics.Diagnostics;
using ClientSemantics.Recovery;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RichardSzalay.MockHttp;

namespace ClientSemantics.Tests.Recovery;

/// <summary>The handler alone over a mock inner handler: one repeat at most, the first response disposed, a metric per decision.</summary>
public sealed class RecoveryHandlerTests
{
    [Fact]
    public async Task Repeat_DisposesTheFirstResponse_AndStopsAfterOneRepeatPerKind()
    {
        var contents = new List<TrackedContent>();
        var mock = new MockHttpMessageHandler();
        var route = mock.When("http://example.test/x").Respond(_ =>
        {
            contents.Add(new TrackedContent());
            return new HttpResponseMessage(HttpStatusCode.ExpectationFailed) { Content = contents[^1] };
        });
        using var meterFactory = new TestMeterFactory();
        var metrics = new ClientSemanticsMetrics(meterFactory);
        using var collector = new MetricCollector<long>(metrics.Recoveries);
        using var invoker = new HttpMessageInvoker(new RecoveryHandler("c", new RecoveryOptions(), metrics, NullLogger.Instance) { InnerHandler = mock });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://example.test/x") { Content = new StringContent("a") };
        request.Headers.ExpectContinue = true;

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.ExpectationFailed, response.StatusCode);
        Assert.Equal(2, mock.GetMatchCount(route));
        Assert.True(contents[0].Disposed);
        Assert.False(contents[1].Disposed);
        Assert.Equal(["repeat", "return"], collector.GetMeasurementSnapshot().Select(m => (string)m.Tags["client_semantics.decision"]!));
    }

    [Fact]
    public async Task Repeat415_WithBodyThatDecodesPastTheLimit_IsReturned()
    {
        var mock = new MockHttpMessageHandler();
        var route = mock.When("http://example.test/x").Respond(_ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.UnsupportedMediaType);
            r.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");
            return r;
        });
        using var meterFactory = new TestMeterFactory();
        using var invoker = new HttpMessageInvoker(new RecoveryHandler("c", new RecoveryOptions { MaxBufferedBodyBytes = 100 }, new ClientSemanticsMetrics(meterFactory), NullLogger.Instance) { InnerHandler = mock });
        var content = new ByteArrayContent(GzipZeros(10_000)); // a small bomb: 10 kB of zeros in a few dozen bytes
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://example.test/x") { Content = content };

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(1, mock.GetMatchCount(route));
        Assert.Same(content, request.Content);
    }

    private static byte[] GzipZeros(int count)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(new byte[count]);
        }

        return output.ToArray();
    }

    private sealed class TrackedContent : ByteArrayContent
    {
        public TrackedContent()
            : base([])
        {
        }

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
