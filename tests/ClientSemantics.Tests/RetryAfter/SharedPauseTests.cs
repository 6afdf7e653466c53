using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>The shared per-origin pause: one 503/429 with Retry-After holds back every request of the client to that origin.</summary>
public sealed class SharedPauseTests
{
    [Fact]
    public async Task Storm_200ConcurrentCallers_SendNothingDuringThePause()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        var pauseEnds = time.Start.AddSeconds(10);
        var script = ScriptedOrigin.Map(origin, "/storm", time, (_, now) => now < pauseEnds ? (503, [("Retry-After", "10")]) : (200, []));
        await using var client = TestClient.Create(time: time);
        var http = client.CreateHttpClient();

        // Each caller asks its own URI (same path, own query): the cache above would otherwise coalesce them into
        // one flight, and this test is about the pause, not about coalescing.
        var first = http.GetAsync(origin.Url("/storm?caller=first"));
        await time.WaitForTimersAsync(1); // the first caller got the 503 and waits
        var others = Enumerable.Range(0, 200).Select(i => http.GetAsync(origin.Url($"/storm?caller={i}"))).ToArray();
        await time.WaitForTimersAsync(201); // every other caller waits on the pause instead of sending
        Assert.Equal(1, origin.CountFor("/storm"));

        time.Advance(TimeSpan.FromSeconds(10));
        var responses = await Task.WhenAll(others.Append(first));

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.DoesNotContain(script.Arrivals, t => t > time.Start && t < pauseEnds);
        Assert.Equal(202, origin.CountFor("/storm")); // 1 refused + 201 after the pause: one request per caller after it
        Assert.Contains(responses[0].GetStatusSemanticsTrace()!.Entries, e => e.Decision == "wait" && e.Delay == TimeSpan.FromSeconds(10));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task Pause_LongerThanTheCap_ThrowsRetryAfterPauseException_WithoutSending()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.Map(origin, "/long", time, (_, _) => (429, [("Retry-After", "120")]));
        await using var client = TestClient.Create(time: time);
        var http = client.CreateHttpClient();
        using var first = await http.GetAsync(origin.Url("/long"));
        time.Advance(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<RetryAfterPauseException>(() => http.GetAsync(origin.Url("/other-path")));

        Assert.Equal(429, (int)first.StatusCode);
        Assert.Single(origin.Requests);
        Assert.Equal(TimeSpan.FromSeconds(100), error.RetryAfter);
        Assert.Equal(time.Start.AddSeconds(120), error.ResumeAt);
        Assert.Equal(origin.BaseUri.GetLeftPart(UriPartial.Authority), error.Origin);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task Pause_WithinTheCap_ButBeyondTheCallersBudget_Throws()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        var script = ScriptedOrigin.FailThenOk(origin, "/b", time, 1, 503, ("Retry-After", "10"));
        await using var client = TestClient.Create(time: time);
        var http = client.CreateHttpClient();
        var first = http.GetAsync(origin.Url("/b"));
        await time.WaitForTimersAsync(1);

        // Another URI of the same origin: the same URI would join the first call's flight in the cache.
        using var hurried = new HttpRequestMessage(HttpMethod.Get, origin.Url("/b?hurried")).WithTimeBudget(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<RetryAfterPauseException>(() => http.SendAsync(hurried));

        time.Advance(TimeSpan.FromSeconds(10));
        using var response = await first;
        Assert.Equal(2, script.Arrivals.Count);
    }

    [Fact]
    public async Task Pause_IsPerOrigin_AndPerClient()
    {
        await using var paused = await TestOrigin.StartAsync();
        await using var healthy = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.Map(paused, "/x", time, (_, _) => (503, [("Retry-After", "3600")]));
        healthy.MapStatus("/x", 200);
        await using var client = TestClient.Create(time: time, configureServices: s => s.AddHttpClient("other").AddStatusSemantics());
        using var first = await client.CreateHttpClient().GetAsync(paused.Url("/x"));

        using var elsewhere = await client.CreateHttpClient().GetAsync(healthy.Url("/x"));
        using var fromOtherClient = await client.Services.GetRequiredService<IHttpClientFactory>().CreateClient("other").GetAsync(paused.Url("/x"));

        Assert.Equal(200, (int)elsewhere.StatusCode);
        Assert.Equal(503, (int)fromOtherClient.StatusCode);
        Assert.Equal(2, paused.CountFor("/x"));
    }
}
