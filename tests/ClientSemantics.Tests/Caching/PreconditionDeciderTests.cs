using ClientSemantics.Caching;

namespace ClientSemantics.Tests.Caching;

/// <summary>Which precondition a conditional write carries: method x caller headers x stored validators.</summary>
public sealed class PreconditionDeciderTests
{
    private const string Modified = "Sun, 01 Mar 2026 07:00:00 GMT";

    [Theory]
    // method, header the caller set, stored status (0: nothing stored), stored ETag, stored Last-Modified, expected header, expected value
    [InlineData("PUT", null, 200, "\"v1\"", null, "If-Match", "\"v1\"")]
    [InlineData("PATCH", null, 200, "\"v1\"", null, "If-Match", "\"v1\"")]
    [InlineData("DELETE", null, 200, "\"v1\"", null, "If-Match", "\"v1\"")]
    [InlineData("PUT", null, 200, "\"v1\"", Modified, "If-Match", "\"v1\"")]
    [InlineData("PUT", null, 204, "\"v1\"", null, "If-Match", "\"v1\"")]
    [InlineData("PUT", null, 200, "W/\"v1\"", Modified, "If-Unmodified-Since", Modified)]
    [InlineData("PUT", null, 200, null, Modified, "If-Unmodified-Since", Modified)]
    [InlineData("PUT", null, 200, "W/\"v1\"", null, null, null)]
    [InlineData("PUT", null, 200, "v1", null, null, null)]
    [InlineData("PUT", null, 200, "\"a\", \"b\"", null, null, null)]
    [InlineData("PUT", null, 200, null, "yesterday", null, null)]
    [InlineData("PUT", null, 200, null, null, null, null)]
    [InlineData("PUT", null, 0, null, null, null, null)]
    [InlineData("PUT", null, 410, "\"v1\"", Modified, null, null)]
    [InlineData("PUT", null, 404, "\"v1\"", null, null, null)]
    [InlineData("PUT", "If-Match", 200, "\"v1\"", Modified, null, null)]
    [InlineData("PUT", "If-Unmodified-Since", 200, "\"v1\"", Modified, null, null)]
    [InlineData("PUT", "If-None-Match", 200, "\"v1\"", Modified, null, null)]
    [InlineData("DELETE", "If-Match", 200, "\"v1\"", null, null, null)]
    [InlineData("POST", null, 200, "\"v1\"", Modified, null, null)]
    [InlineData("GET", null, 200, "\"v1\"", Modified, null, null)]
    [InlineData("HEAD", null, 200, "\"v1\"", Modified, null, null)]
    public void Decide_MethodCallerHeadersAndStoredValidators_GiveTheHeaderOrNone(
        string method, string? callerHeader, int storedStatus, string? etag, string? lastModified, string? expectedName, string? expectedValue)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://origin.test/doc");
        if (callerHeader is not null)
        {
            request.Headers.TryAddWithoutValidation(callerHeader, callerHeader == "If-Unmodified-Since" ? Modified : "\"caller\"");
        }

        var decision = PreconditionDecider.Decide(request.Method, request.Headers, storedStatus == 0 ? null : Entry(storedStatus, etag, lastModified).Facts);

        Assert.Equal(expectedName, decision.Name);
        Assert.Equal(expectedValue, decision.Value);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void Decide_WeakETag_ReasonSaysWhyIfMatchIsNotUsed()
    {
        var decision = PreconditionDecider.Decide(HttpMethod.Put, new HttpRequestMessage().Headers, Entry(200, "W/\"v1\"", Modified).Facts);
        Assert.Contains("weak", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"v1\"", true)]
    [InlineData("\"\"", true)]
    [InlineData("W/\"v1\"", false)]
    [InlineData("v1", false)]
    [InlineData("\"", false)]
    [InlineData("\"a\"b\"", false)]
    [InlineData(null, false)]
    public void IsStrong_OnlyOneQuotedTagWithoutWeakPrefix(string? etag, bool strong) =>
        Assert.Equal(strong, PreconditionDecider.IsStrong(etag));

    private static CachedResponse Entry(int status, string? etag, string? lastModified)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (etag is not null)
        {
            headers.Add(new("ETag", etag));
        }

        if (lastModified is not null)
        {
            headers.Add(new("Last-Modified", lastModified));
        }

        return new CachedResponse { StatusCode = status, Headers = headers, ContentHeaders = [], RequestTime = CacheTestKit.Start, ResponseTime = CacheTestKit.Start };
    }
}
