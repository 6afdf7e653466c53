using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>A Retry-After that would outlast the client's HttpClient.Timeout is not waited for.</summary>
public sealed class ClientTimeoutTests
{
    [Fact]
    public async Task Get_RetryAfterLongerThanTheClientsTimeout_ReturnsAtOnce_InsteadOfTimingOut()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.Map(origin, "/slow", time, (_, _) => (503, [("Retry-After", "10")]));
        await using var client = TestClient.Create(time: time, configureServices: s => s.AddHttpClient(TestClient.DefaultName, c => c.Timeout = TimeSpan.FromSeconds(5)));

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/slow"));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, origin.CountFor("/slow"));
        Assert.Equal(TimeSpan.FromSeconds(10), response.GetRetryAfter());
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.RetryAfter && e.Delay == TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Get_RetryAfterWithinTheClientsTimeout_IsWaitedFor()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        var script = ScriptedOrigin.FailThenOk(origin, "/ok", time, 1, 503, ("Retry-After", "3"));
        await using var client = TestClient.Create(time: time, configureServices: s => s.AddHttpClient(TestClient.DefaultName, c => c.Timeout = TimeSpan.FromSeconds(5)));

        var call = client.CreateHttpClient().GetAsync(origin.Url("/ok"));
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(3));
        using var response = await call;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, script.Arrivals.Count);
    }
}
