using ClientSemantics.Caching;
using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Tests.Caching;

public sealed class CacheDeciderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CacheOptions Options = new();

    [Theory]
    // response Cache-Control, seconds elapsed since stored, request Cache-Control, expected
    [InlineData("max-age=60", 0, null, "Fresh")]
    [InlineData("max-age=60", 59, null, "Fresh")]
    [InlineData("max-age=60", 60, null, "Validate")]
    [InlineData("max-age=60", 10, "no-cache", "Validate")]
    [InlineData("max-age=60", 10, "max-age=5", "Validate")]
    [InlineData("max-age=60", 10, "max-age=30", "Fresh")]
    [InlineData("max-age=60", 50, "min-fresh=20", "Validate")]
    [InlineData("max-age=60", 30, "min-fresh=20", "Fresh")]
    [InlineData("max-age=60", 100, "max-stale=50", "StaleAccepted")]
    [InlineData("max-age=60", 100, "max-stale=30", "Validate")]
    [InlineData("max-age=60", 100000, "max-stale", "StaleAccepted")]
    [InlineData("max-age=60, must-revalidate", 100, "max-stale", "Validate")]
    [InlineData("no-cache", 0, null, "Validate")]
    [InlineData("max-age=60, no-cache", 0, null, "Validate")]
    [InlineData("max-age=60, immutable", 10, "no-cache", "Fresh")]
    [InlineData("max-age=60, immutable", 61, null, "Validate")]
    [InlineData("max-age=60, stale-while-revalidate=30", 80, null, "StaleWhileRevalidate")]
    [InlineData("max-age=60, stale-while-revalidate=30", 91, null, "Validate")]
    [InlineData("max-age=60, stale-while-revalidate=30, must-revalidate", 80, null, "Validate")]
    [InlineData("private, max-age=60", 10, null, "Fresh")]
    [InlineData("s-maxage=600, max-age=0", 1, null, "Validate")]
    [InlineData("max-age=60, proxy-revalidate", 10, null, "Fresh")]
    public void Decide_FollowsRequestAndResponseDirectives(string responseCacheControl, int elapsed, string? requestCacheControl, string expected)
    {
        var time = new FakeTimeProvider(T0);
        var entry = Entry(T0, ("Cache-Control", responseCacheControl), ("Date", Http(T0)), ("ETag", "\"v1\""));
        time.Advance(TimeSpan.FromSeconds(elapsed));

        var decision = CacheDecider.Decide(Directives(requestCacheControl), entry.Facts, time.GetUtcNow(), Options);

        Assert.Equal(expected, decision.Action.ToString());
    }

    [Fact]
    public void Decide_StaleWithoutValidator_Fetches()
    {
        var entry = Entry(T0, ("Cache-Control", "max-age=10"), ("Date", Http(T0)));
        Assert.Equal(CacheAction.Fetch, CacheDecider.Decide(default, entry.Facts, T0.AddSeconds(11), Options).Action);
    }

    [Theory]
    // Expires minus Date gives the lifetime; an invalid Expires means already stale (RFC 9111 5.3).
    [InlineData(120, 119, "Fresh")]
    [InlineData(120, 120, "Validate")]
    public void Decide_ExpiresRelativeToDate(int expiresAfterDate, int elapsed, string expected)
    {
        var entry = Entry(T0, ("Date", Http(T0)), ("Expires", Http(T0.AddSeconds(expiresAfterDate))), ("ETag", "\"e\""));
        Assert.Equal(expected, CacheDecider.Decide(default, entry.Facts, T0.AddSeconds(elapsed), Options).Action.ToString());
    }

    [Fact]
    public void Decide_InvalidExpires_IsStale()
    {
        var entry = Entry(T0, ("Date", Http(T0)), ("Expires", "0"), ("ETag", "\"e\""));
        Assert.Equal(CacheAction.Validate, CacheDecider.Decide(default, entry.Facts, T0, Options).Action);
    }

    [Fact]
    public void Decide_MaxAgeWinsOverExpires()
    {
        var entry = Entry(T0, ("Date", Http(T0)), ("Expires", Http(T0.AddHours(1))), ("Cache-Control", "max-age=10"), ("ETag", "\"e\""));
        Assert.Equal(CacheAction.Validate, CacheDecider.Decide(default, entry.Facts, T0.AddSeconds(11), Options).Action);
    }

    [Theory]
    // Last-Modified 1000 s before Date: heuristic lifetime 100 s (10%); capped by the option.
    [InlineData(1000, 99, 3600, "Fresh")]
    [InlineData(1000, 100, 3600, "Validate")]
    [InlineData(1000, 50, 30, "Validate")]
    [InlineData(1000, 29, 30, "Fresh")]
    public void Decide_HeuristicFreshness_IsTenPercentOfLastModifiedAge_Capped(int modifiedBefore, int elapsed, int capSeconds, string expected)
    {
        var entry = Entry(T0, ("Date", Http(T0)), ("Last-Modified", Http(T0.AddSeconds(-modifiedBefore))));
        Assert.Equal(expected, CacheDecider.Decide(default, entry.Facts, T0.AddSeconds(elapsed), new CacheOptions { HeuristicFreshnessCap = TimeSpan.FromSeconds(capSeconds) }).Action.ToString());
    }

    [Theory]
    // RFC 9111 4.2.3: request sent at 0, response received at 2 s, Date says 1 s, Age says 30 s.
    // apparent_age = max(0, 2 - dateOffset); corrected_age_value = age + 2; corrected_initial_age = max of both.
    [InlineData(1, 30, 32)]
    [InlineData(-100, 0, 102)]
    [InlineData(5, 0, 2)]
    [InlineData(1, 0, 2)]
    public void CurrentAge_FollowsRfc9111Section423(int dateOffset, int ageHeader, int expectedInitialAge)
    {
        var requestTime = T0;
        var responseTime = T0.AddSeconds(2);
        var entry = new CachedResponse
        {
            StatusCode = 200,
            Headers = [new("Date", Http(T0.AddSeconds(dateOffset))), new("Age", ageHeader.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ContentHeaders = [],
            RequestTime = requestTime,
            ResponseTime = responseTime,
        };

        Assert.Equal(TimeSpan.FromSeconds(expectedInitialAge), entry.Facts.CurrentAge(responseTime));
        Assert.Equal(TimeSpan.FromSeconds(expectedInitialAge + 10), entry.Facts.CurrentAge(responseTime.AddSeconds(10)));
    }

    [Theory]
    [InlineData("max-age=60, stale-if-error=30", 80, true)]
    [InlineData("max-age=60, stale-if-error=30", 91, false)]
    [InlineData("max-age=60, stale-if-error=30, must-revalidate", 80, false)]
    [InlineData("max-age=60", 61, false)]
    public void CanServeStaleOnError_WithinWindowOnly(string cacheControl, int elapsed, bool expected)
    {
        var entry = Entry(T0, ("Cache-Control", cacheControl), ("Date", Http(T0)));
        Assert.Equal(expected, CacheDecider.CanServeStaleOnError(entry.Facts, T0.AddSeconds(elapsed), Options));
    }

    internal static CachedResponse Entry(DateTimeOffset at, params (string Name, string Value)[] headers) => new()
    {
        StatusCode = 200,
        Headers = headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToArray(),
        ContentHeaders = [],
        Body = "body"u8.ToArray(),
        RequestTime = at,
        ResponseTime = at,
    };

    internal static string Http(DateTimeOffset date) => ClientSemantics.Http.HttpDate.Format(date);

    private static RequestDirectives Directives(string? cacheControl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://example.test/");
        if (cacheControl is not null)
        {
            request.Headers.TryAddWithoutValidation("Cache-Control", cacheControl);
        }

        return RequestDirectives.From(request);
    }
}
