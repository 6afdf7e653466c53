using System.Diagnostics;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.RetryAfter;

public sealed class RealClockTests
{
    /// <summary>The one real wait in the suite: a real Retry-After: 1 on the system clock. Only a lower bound is asserted.</summary>
    [Fact]
    public async Task Get_RealRetryAfterOne_RetriesNoSoonerThanOneSecondLater()
    {
        await using var origin = await TestOrigin.StartAsync();
        var arrivals = new List<long>();
        origin.Map("/real", ctx =>
        {
            lock (arrivals)
            {
                arrivals.Add(Stopwatch.GetTimestamp());
                ctx.Response.StatusCode = arrivals.Count == 1 ? 503 : 200;
            }

            ctx.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        });
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/real"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, arrivals.Count);
        Assert.True(Stopwatch.GetElapsedTime(arrivals[0], arrivals[1]) >= TimeSpan.FromSeconds(0.95), "the retry came before the asked second");
    }
}
