using ClientSemantics.Recovery;

namespace ClientSemantics.Tests.Recovery;

public sealed class RecoveryDeciderTests
{
    private static readonly RecoveryOptions Options = new() { MaxBufferedBodyBytes = 1000 };

    /// <summary>
    /// One row per case. <paramref name="request"/> is a list of words: h2 (HTTP/2.0), expect, chunked, len=N,
    /// stream (a body that cannot be re-read), coding=gzip[+br], range=N, done=Kind (already repeated).
    /// </summary>
    [Theory]
    // 417: drop the expectation once (RFC 9110 10.1.1).
    [InlineData(417, "expect len=5", null, null, "repeat", "WithoutExpectContinue", "10.1.1")]
    [InlineData(417, "len=5", null, null, "return", "None", "without Expect")]
    [InlineData(417, "expect stream", null, null, "return", "None", "cannot be re-read")]
    [InlineData(417, "expect len=5 done=WithoutExpectContinue", null, null, "return", "None", "already repeated")]
    // 411: add a measured Content-Length once, within the limit (RFC 9110 15.5.12).
    [InlineData(411, "chunked len=10", null, null, "repeat", "WithContentLength", "Content-Length: 10")]
    [InlineData(411, "chunked len=1000", null, null, "repeat", "WithContentLength", "15.5.12")]
    [InlineData(411, "chunked len=1001", null, null, "return", "None", "MaxBufferedBodyBytes")]
    [InlineData(411, "len=10", null, null, "return", "None", "not chunked")]
    [InlineData(411, "chunked stream", null, null, "return", "None", "cannot be re-read")]
    [InlineData(411, "chunked", null, null, "return", "None", "cannot be measured")]
    [InlineData(411, "chunked len=10 done=WithContentLength", null, null, "return", "None", "already repeated")]
    // 415: undo our own content coding once when Accept-Encoding says it was the problem (RFC 9110 15.5.16, 12.5.3).
    [InlineData(415, "coding=gzip", "identity", null, "repeat", "WithoutContentCoding", "without the gzip coding")]
    [InlineData(415, "coding=br", "gzip", null, "repeat", "WithoutContentCoding", "15.5.16")]
    [InlineData(415, "coding=deflate", "", null, "repeat", "WithoutContentCoding", "deflate")]
    [InlineData(415, "coding=gzip+br", "gzip", null, "repeat", "WithoutContentCoding", "gzip, br")]
    [InlineData(415, "coding=gzip", "gzip, br", null, "return", "None", "media type is the problem")]
    [InlineData(415, "coding=gzip", "*", null, "return", "None", "media type is the problem")]
    [InlineData(415, "coding=gzip", "br, gzip;q=0", null, "repeat", "WithoutContentCoding", "gzip")]
    [InlineData(415, "coding=gzip", "br, identity;q=0", null, "return", "None", "excludes identity")]
    [InlineData(415, "coding=gzip", "br, *;q=0", null, "return", "None", "excludes identity")]
    [InlineData(415, "coding=gzip", null, null, "return", "None", "without Accept-Encoding")]
    [InlineData(415, "len=3", "identity", null, "return", "None", "without a content coding")]
    [InlineData(415, "coding=zstd", "identity", null, "return", "None", "cannot be undone")]
    [InlineData(415, "coding=gzip stream", "identity", null, "return", "None", "cannot be re-read")]
    [InlineData(415, "coding=gzip done=WithoutContentCoding", "identity", null, "return", "None", "already repeated")]
    // 505: fall back to HTTP/1.1 once (RFC 9110 15.6.6).
    [InlineData(505, "h2", null, null, "repeat", "OverHttp11", "over HTTP/1.1")]
    [InlineData(505, "", null, null, "return", "None", "no lower version")]
    [InlineData(505, "h2 stream", null, null, "return", "None", "cannot be re-read")]
    [InlineData(505, "h2 done=OverHttp11", null, null, "return", "None", "already repeated")]
    // 416: never repeated; says whether a resumed download is already complete (RFC 9110 15.5.17).
    [InlineData(416, "range=500", null, 500L, "return", "None", "already complete (500 bytes)")]
    [InlineData(416, "range=600", null, 500L, "return", "None", "500 bytes long")]
    [InlineData(416, "range=500", null, null, "return", "None", "complete length is unknown")]
    // Not this stage's codes: passed through untouched and not traced.
    [InlineData(400, "expect chunked h2 coding=gzip", "identity", null, "pass", "None", null)]
    [InlineData(500, "h2", null, null, "pass", "None", null)]
    [InlineData(200, "h2", null, null, "pass", "None", null)]
    public void Decide_Table(int status, string request, string? acceptEncoding, long? completeLength, string expected, string kind, string? reasonContains)
    {
        var decision = RecoveryDecider.Decide(Request(request), new RecoveryResponseFacts(status, acceptEncoding, completeLength), Options);

        Assert.Equal(expected, decision.IsRelevant ? decision.Decision : "pass");
        Assert.Equal(Enum.Parse<RecoveryKind>(kind), decision.Repeat);
        if (reasonContains is not null)
        {
            Assert.Contains(reasonContains, decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decide_415_WhenBufferingIsOff_Returns()
    {
        var decision = RecoveryDecider.Decide(Request("coding=gzip"), new RecoveryResponseFacts(415, "identity", null), new RecoveryOptions { MaxBufferedBodyBytes = 0 });
        Assert.False(decision.IsRepeat);
    }

    private static RecoveryRequestFacts Request(string words)
    {
        var w = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? Value(string key) => w.FirstOrDefault(x => x.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];
        var stream = w.Contains("stream");
        return new RecoveryRequestFacts(
            w.Contains("h2") ? new Version(2, 0) : new Version(1, 1),
            w.Contains("expect"),
            w.Contains("chunked"),
            Value("len") is { } len ? long.Parse(len, System.Globalization.CultureInfo.InvariantCulture) : null,
            !stream,
            Value("coding")?.Split('+') ?? [],
            Value("range") is { } range ? long.Parse(range, System.Globalization.CultureInfo.InvariantCulture) : null,
            Value("done") is { } done ? Enum.Parse<RecoveryKind>(done) : RecoveryKind.None);
    }
}
