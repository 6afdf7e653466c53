using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>The cap: a wait longer than MaxDelay or the caller's deadline is never slept; the response comes back at once.</summary>
public sealed class RetryAfterCapTests
{
    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Get_RetryAfterBeyondMaxDelay_ReturnsAtOnce_WithTheAskedWaitReadable(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/cap", time, 1, status, ("Retry-After", "3600"));
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/cap"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, origin.CountFor("/cap"));
        Assert.Equal(0, time.TimersCreated);
        Assert.Equal(TimeSpan.FromHours(1), response.GetRetryAfter());
        var giveUp = Assert.Single(response.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.RetryAfter);
        Assert.Equal(("give-up", TimeSpan.FromHours(1)), (giveUp.Decision, giveUp.Delay));
        Assert.Contains("MaxDelay", giveUp.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_RetryAfterBeyondTheCallersDeadline_ReturnsAtOnce(bool useDeadline)
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/dl", time, 1, 503, ("Retry-After", "10"));
        await using var client = TestClient.Create(time: time);
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/dl"));
        _ = useDeadline ? request.WithDeadline(time.Start.AddSeconds(5)) : request.WithTimeBudget(TimeSpan.FromSeconds(5));

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, origin.CountFor("/dl"));
        Assert.Equal(TimeSpan.FromSeconds(10), response.GetRetryAfter());
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "give-up" && e.Reason!.Contains("deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_CancelledDuringTheWait_ThrowsAtOnce_AndSendsNothingMore()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/c", time, 1, 503, ("Retry-After", "20"));
        await using var client = TestClient.Create(time: time);
        using var cts = new CancellationTokenSource();

        var call = client.CreateHttpClient().GetAsync(origin.Url("/c"), cts.Token);
        await time.WaitForTimersAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, origin.CountFor("/c"));
    }

    [Fact]
    public async Task Post_503_IsNotRetried_ButItsRetryAfterIsReadable()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/post", time, 1, 503, ("Retry-After", "2"));
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/post"), new StringContent("order"));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, origin.CountFor("/post"));
        Assert.Equal(TimeSpan.FromSeconds(2), response.GetRetryAfter());
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Reason?.Contains("not idempotent", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Post_WithIdempotencyKey_IsRetriedWithTheSameBody()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/key", time, 1, 503, ("Retry-After", "0"));
        await using var client = TestClient.Create(time: time);
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/key")) { Content = new StringContent("order") };
        request.Headers.Add("Idempotency-Key", "k-1");

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.All(origin.RequestsTo("/key"), r => Assert.Equal(("order", "k-1"), (r.BodyText, r.Header("Idempotency-Key"))));
        Assert.Equal(2, origin.CountFor("/key"));
    }

    [Fact]
    public async Task Put_WithStreamBody_IsNotRetried()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/s", time, 1, 503, ("Retry-After", "0"));
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().PutAsync(origin.Url("/s"), new StreamContent(new MemoryStream([1, 2, 3])));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, origin.CountFor("/s"));
    }

    [Fact]
    public async Task Post_WithRetryNonIdempotent_IsRetried()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/opt", time, 1, 502);
        await using var client = TestClient.Create(o => o.RetryAfter.RetryNonIdempotent = true, time: time);

        var call = client.CreateHttpClient().PostAsync(origin.Url("/opt"), new StringContent("x"));
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await call;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, origin.CountFor("/opt"));
    }

    [Fact]
    public async Task MaxRetriesZero_TurnsTheStageOff()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/off", time, 1, 503, ("Retry-After", "0"));
        await using var client = TestClient.Create(o => o.RetryAfter.MaxRetries = 0, time: time);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/off"));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, origin.CountFor("/off"));
    }
}
