using ClientSemantics.Http;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>Each status through the whole pipeline against a real origin, on a fake clock that only the test moves.</summary>
public sealed class RetryAfterStatusTests
{
    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Get_DeltaSecondsRetryAfter_RetriesAfterExactlyThatWait(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        var script = ScriptedOrigin.FailThenOk(origin, "/r", time, 1, status, ("Retry-After", "5"));
        await using var client = TestClient.Create(time: time);

        var call = client.CreateHttpClient().GetAsync(origin.Url("/r"));
        await time.WaitForTimersAsync(1);
        Assert.Equal(1, origin.CountFor("/r")); // nothing is sent during the wait
        time.Advance(TimeSpan.FromSeconds(5));
        using var response = await call;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal([time.Start, time.Start.AddSeconds(5)], script.Arrivals);
        var retry = Assert.Single(response.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.RetryAfter);
        Assert.Equal(("retry", TimeSpan.FromSeconds(5)), (retry.Decision, retry.Delay));
    }

    [Theory]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss 'GMT'")]  // IMF-fixdate
    [InlineData("dddd, dd-MMM-yy HH:mm:ss 'GMT'")]   // RFC 850
    [InlineData("ddd MMM d HH:mm:ss yyyy")]          // asctime
    public async Task Get_HttpDateRetryAfter_RetriesAtThatDate(string format)
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        var at = time.Start.AddSeconds(7).UtcDateTime.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        var script = ScriptedOrigin.FailThenOk(origin, "/d", time, 1, 503, ("Retry-After", at));
        await using var client = TestClient.Create(time: time);

        var call = client.CreateHttpClient().GetAsync(origin.Url("/d"));
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(7));
        using var response = await call;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(time.Start.AddSeconds(7), script.Arrivals[1]);
    }

    [Theory]
    [InlineData("Sat, 01 Jan 2000 00:00:00 GMT")] // a date in the past means now
    [InlineData("0")]
    public async Task Get_RetryAfterNowOrPast_RetriesAtOnce(string value)
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        var script = ScriptedOrigin.FailThenOk(origin, "/p", time, 1, 503, ("Retry-After", value));
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/p"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal([time.Start, time.Start], script.Arrivals);
        Assert.Equal(0, time.TimersCreated);
    }

    [Theory]
    [InlineData(503, "soon")]  // garbage Retry-After: backoff as if there were none
    [InlineData(503, "")]
    [InlineData(502, "")]
    [InlineData(504, "")]
    public async Task Get_TransientWithoutUsableRetryAfter_BacksOffWithJitterWithinOneBaseDelay(int status, string retryAfter)
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        var headers = retryAfter.Length == 0 ? Array.Empty<(string, string)>() : [("Retry-After", retryAfter)];
        var script = ScriptedOrigin.FailThenOk(origin, "/b", time, 1, status, headers);
        await using var client = TestClient.Create(time: time);

        var call = client.CreateHttpClient().GetAsync(origin.Url("/b"));
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(1, origin.CountFor("/b")); // equal jitter: never before half the base delay
        time.Advance(TimeSpan.FromMilliseconds(501));
        using var response = await call;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, script.Arrivals.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(505)]
    [InlineData(413)]
    public async Task Get_NotTransient_IsReturnedWithoutARetry(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/n", time, 1, status);
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/n"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, origin.CountFor("/n"));
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.RetryAfter && e.Decision == "give-up");
    }

    [Fact]
    public async Task Put_413WithRetryAfter_IsRetriedWithItsBody()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/u", time, 1, 413, ("Retry-After", "0"));
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().PutAsync(origin.Url("/u"), new StringContent("payload"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["payload", "payload"], origin.RequestsTo("/u").Select(r => r.BodyText));
    }

    [Fact]
    public async Task Get_408_IsRetriedOnceAtOnce()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/t", time, 5, 408);
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/t"));

        Assert.Equal(408, (int)response.StatusCode);
        Assert.Equal(2, origin.CountFor("/t"));
        Assert.Equal(0, time.TimersCreated);
    }

    [Fact]
    public void HttpDateFormat_IsWhatTheOriginSends() =>
        Assert.Equal("Wed, 01 Jan 2025 00:00:00 GMT", HttpDate.Format(new SignalingTimeProvider().Start));
}
