using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.RetryAfter;

public sealed class RetryBudgetPipelineTests
{
    [Fact]
    public async Task FailingOrigin_RetriesStayWithinTheBudgetShare_AndTheTraceSaysWhy()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        // Retry-After: 0 retries at once and starts no pause, so only the budget limits the retries.
        ScriptedOrigin.Map(origin, "/down", time, (_, _) => (503, [("Retry-After", "0")]));
        await using var client = TestClient.Create(o => (o.RetryAfter.RetryBudgetPercent, o.RetryAfter.RetryBudgetMinPerSecond) = (20, 0), time: time);
        var http = client.CreateHttpClient();

        var traces = new List<StatusSemanticsTrace>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await http.GetAsync(origin.Url("/down"));
            traces.Add(response.GetStatusSemanticsTrace()!);
        }

        // 10 calls with 3 retries each would send 40 requests; 20% of 10 first attempts allows 2 retries.
        Assert.Equal(12, origin.CountFor("/down"));
        Assert.Contains(traces.SelectMany(t => t.Entries), e => e.Decision == "give-up" && e.Reason!.Contains("budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LowTraffic_StillRetries_ThanksToTheFloorPerSecond()
    {
        await using var origin = await TestOrigin.StartAsync();
        var time = new SignalingTimeProvider();
        ScriptedOrigin.FailThenOk(origin, "/once", time, 3, 503, ("Retry-After", "0"));
        await using var client = TestClient.Create(time: time);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/once"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(4, origin.CountFor("/once"));
    }
}
