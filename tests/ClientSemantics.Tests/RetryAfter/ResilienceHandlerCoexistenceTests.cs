using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>
/// Beside AddStandardResilienceHandler() there is one retry layer, not two: ours defers (keeping the shared pause),
/// whichever order the two are added in. Both layers' delays are zero so nothing waits.
/// </summary>
public sealed class ResilienceHandlerCoexistenceTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WithStandardResilienceHandler_AttemptsAreNotMultiplied(bool standardHandlerAddedAfter)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/down", 503);
        await using var client = Create(standardHandlerAddedAfter, defer: true);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/down"));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(4, origin.CountFor("/down")); // 1 + the standard handler's 3 retries
    }

    [Fact]
    public async Task WithStandardResilienceHandler_AndDeferringOff_BothLayersRetry()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/down", 503);
        await using var client = Create(standardHandlerAddedAfter: true, defer: false);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/down"));

        Assert.Equal(16, origin.CountFor("/down")); // (1 + 3) x (1 + 3): what deferring prevents
    }

    private static TestClient Create(bool standardHandlerAddedAfter, bool defer) =>
        TestClient.Create(
            o => (o.RetryAfter.BaseDelay, o.RetryAfter.DeferToResilienceHandler, o.RetryAfter.RetryBudgetMinPerSecond) = (TimeSpan.Zero, defer, 100),
            configureClient: b =>
            {
                if (standardHandlerAddedAfter)
                {
                    b.AddStandardResilienceHandler(r => r.Retry.Delay = TimeSpan.Zero);
                }
            },
            configureServices: s =>
            {
                if (!standardHandlerAddedAfter)
                {
                    // The user's own registration that comes first: ours is added inside it.
                    s.AddHttpClient(TestClient.DefaultName).AddStandardResilienceHandler(r => r.Retry.Delay = TimeSpan.Zero);
                }
            });
}
