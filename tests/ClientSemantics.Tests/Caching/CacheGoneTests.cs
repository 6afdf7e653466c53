using System.Net;
using ClientSemantics.Caching;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Caching;

/// <summary>
/// 410 Gone is heuristically cacheable (RFC 9110 15.5.11): without explicit freshness it gets
/// <see cref="CacheOptions.GoneHeuristicLifetime"/> (RFC 9111 4.2.2), so repeated calls do not reach the origin.
/// </summary>
public sealed class CacheGoneTests
{
    private static readonly DateTimeOffset T0 = CacheTestKit.Start;

    [Theory]
    // response headers, GoneHeuristicLifetime s, HeuristicFreshnessCap s, expected lifetime s
    [InlineData(null, 600, 86400, 600)]
    [InlineData(null, 3600, 300, 300)]
    [InlineData(null, 0, 86400, 0)]
    [InlineData("max-age=30", 600, 86400, 30)]
    [InlineData("max-age=0", 600, 86400, 0)]
    [InlineData("last-modified", 600, 86400, 600)]
    [InlineData("last-modified", 0, 86400, 100)]
    public void FreshnessLifetime_Of410_IsExplicit_ElseGoneHeuristic_Capped(string? header, int gone, int cap, int expected)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Date", CacheDeciderTests.Http(T0)) };
        if (header == "last-modified")
        {
            headers.Add(new("Last-Modified", CacheDeciderTests.Http(T0.AddSeconds(-1000))));
        }
        else if (header is not null)
        {
            headers.Add(new("Cache-Control", header));
        }

        var entry = new CachedResponse { StatusCode = 410, Headers = headers, ContentHeaders = [], RequestTime = T0, ResponseTime = T0 };
        var options = new CacheOptions { GoneHeuristicLifetime = TimeSpan.FromSeconds(gone), HeuristicFreshnessCap = TimeSpan.FromSeconds(cap) };

        Assert.Equal(TimeSpan.FromSeconds(expected), entry.Facts.FreshnessLifetime(options));
    }

    [Fact]
    public void FreshnessLifetime_OfOtherCodes_IgnoresGoneHeuristicLifetime()
    {
        var entry = new CachedResponse { StatusCode = 404, Headers = [new("Date", CacheDeciderTests.Http(T0))], ContentHeaders = [], RequestTime = T0, ResponseTime = T0 };
        Assert.Equal(TimeSpan.Zero, entry.Facts.FreshnessLifetime(new CacheOptions()));
    }

    [Fact]
    public async Task Get_410WithoutFreshness_SecondCallIsAHit_AfterTheLifetimeTheOriginIsAskedAgain()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/removed", 410, "gone");
        await using var client = CacheTestKit.Client();
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/removed"));
        using var second = await http.GetAsync(origin.Url("/removed"));
        client.FakeTime.Advance(TimeSpan.FromMinutes(9));
        using var stillFresh = await http.GetAsync(origin.Url("/removed"));

        Assert.Equal(1, origin.CountFor("/removed"));
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Equal("gone", await second.Content.ReadAsStringAsync());
        Assert.Equal("ClientSemantics; hit", second.CacheStatus());
        Assert.Equal("ClientSemantics; hit", stillFresh.CacheStatus());
        Assert.Contains(second.GetStatusSemanticsTrace()!.Entries, e => e.Stage == StatusSemanticsStage.Cache && e.Decision == "hit" && e.StatusCode == 410);

        client.FakeTime.Advance(TimeSpan.FromMinutes(1));
        using var expired = await http.GetAsync(origin.Url("/removed"));

        Assert.Equal(2, origin.CountFor("/removed"));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.StartsWith("ClientSemantics; fwd=", expired.CacheStatus(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_410_LifetimeFollowsTheOption_CappedByHeuristicFreshnessCap()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/removed", 410, "gone");
        await using var client = CacheTestKit.Client(o =>
        {
            o.Cache.GoneHeuristicLifetime = TimeSpan.FromHours(1);
            o.Cache.HeuristicFreshnessCap = TimeSpan.FromMinutes(2);
        });

        await client.GetStringAsync(origin.Url("/removed"));
        client.FakeTime.Advance(TimeSpan.FromSeconds(119));
        await client.GetStringAsync(origin.Url("/removed"));
        Assert.Equal(1, origin.CountFor("/removed"));

        client.FakeTime.Advance(TimeSpan.FromSeconds(1));
        await client.GetStringAsync(origin.Url("/removed"));
        Assert.Equal(2, origin.CountFor("/removed"));
    }

    [Theory]
    [InlineData("no-store", 10)]
    [InlineData("no-cache", 10)]
    [InlineData("max-age=0", 10)]
    [InlineData(null, 0)]
    public async Task Get_410ThatForbidsReuse_OrWithTheHeuristicOff_IsNeverRemembered(string? cacheControl, int goneMinutes)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/removed", 410, "gone", cacheControl is null ? [] : [("Cache-Control", cacheControl)]);
        await using var client = CacheTestKit.Client(o => o.Cache.GoneHeuristicLifetime = TimeSpan.FromMinutes(goneMinutes));
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/removed"));
        using var second = await http.GetAsync(origin.Url("/removed"));

        Assert.Equal(2, origin.CountFor("/removed"));
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.DoesNotContain("hit", second.CacheStatus(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_410ForOneCredential_DoesNotAnswerAnother()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/removed", 410, "gone");
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(origin.Url("/removed"), r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer alice"));
        await client.GetStringAsync(origin.Url("/removed"), r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer alice"));
        await client.GetStringAsync(origin.Url("/removed"), r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer bob"));

        Assert.Equal(2, origin.CountFor("/removed"));
    }

    [Fact]
    public void Options_NegativeGoneHeuristicLifetime_IsAValidationFailure()
    {
        var failures = new List<string>();
        new CacheOptions { GoneHeuristicLifetime = TimeSpan.FromSeconds(-1) }.AddValidationFailures(failures);
        Assert.Contains(failures, f => f.Contains("GoneHeuristicLifetime", StringComparison.Ordinal));
    }
}
