using System.Net.Http.Headers;
using ClientSemantics.Redirects;

namespace ClientSemantics.Tests.Redirects;

public sealed class PermanentRedirectPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri Source = new("https://o.test/old");
    private static readonly Uri Target = new("https://o.test/new");

    [Theory]
    [InlineData(301, null, null, 86400)]             // no Cache-Control: the configured lifetime (1 day)
    [InlineData(308, null, null, 86400)]
    [InlineData(301, "max-age=60", null, 60)]
    [InlineData(308, "public, max-age=3600", null, 3600)]
    [InlineData(301, "max-age=60", 20, 40)]          // RFC 9111 4.2.3: Age counts against max-age
    [InlineData(301, "private", null, 86400)]        // a client's memory is a private cache
    [InlineData(301, "s-maxage=5", null, 86400)]     // s-maxage is for shared caches only
    public void RememberUntil_TakesTheLifetime_FromMaxAgeOrTheOption(int status, string? cacheControl, int? ageSeconds, int expectedSeconds)
    {
        var until = Remember(status, cacheControl, ageSeconds);

        Assert.Equal(Now.AddSeconds(expectedSeconds), until);
    }

    [Theory]
    [InlineData(301, "no-store")]
    [InlineData(308, "no-cache")]
    [InlineData(301, "max-age=0")]
    [InlineData(308, "max-age=10")]  // with Age 10 below: already stale
    [InlineData(302, null)]
    [InlineData(303, null)]
    [InlineData(307, "max-age=600")]
    [InlineData(300, "max-age=600")]
    public void RememberUntil_IsNull_ForNoStoreStaleAndTransientRedirects(int status, string? cacheControl)
    {
        Assert.Null(Remember(status, cacheControl, ageSeconds: cacheControl == "max-age=10" ? 10 : null));
    }

    [Fact]
    public void RememberUntil_NeverRemembersADowngrade_EvenWhenDowngradesAreAllowed()
    {
        var until = PermanentRedirectPolicy.RememberUntil(
            301, Source, new Uri("http://o.test/new"), null, null, Now, new RedirectOptions { AllowHttpsToHttp = true }, out var reason);

        Assert.Null(until);
        Assert.Contains("downgrade", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RememberUntil_IsNull_WhenTheMemoryIsOff() =>
        Assert.Null(PermanentRedirectPolicy.RememberUntil(301, Source, Target, null, null, Now, new RedirectOptions { PermanentRedirectCapacity = 0 }, out _));

    [Theory]
    [InlineData(308, "GET", false, "Use")]
    [InlineData(308, "POST", false, "Use")]
    [InlineData(308, "PUT", false, "Use")]
    [InlineData(308, "DELETE", false, "Use")]
    [InlineData(301, "GET", false, "Use")]
    [InlineData(301, "HEAD", false, "Use")]
    [InlineData(301, "POST", false, "NotApplicable")]
    [InlineData(301, "POST", true, "Use")]
    [InlineData(301, "PUT", false, "NotApplicable")]
    [InlineData(301, "DELETE", true, "NotApplicable")]
    public void CanUse_308AppliesToEveryMethod_301OnlyWhereTheMethodIsKept(int status, string method, bool keepPost, string expected)
    {
        var entry = new PermanentRedirect(new PermanentRedirectKey(Source), Target, status, Now.AddMinutes(1));

        Assert.Equal(Enum.Parse<RememberedUse>(expected), PermanentRedirectPolicy.CanUse(entry, new HttpMethod(method), Now, new RedirectOptions { KeepPostOn301And302 = keepPost }));
    }

    [Theory]
    [InlineData(-1, "Use")]
    [InlineData(0, "Expired")]
    [InlineData(1, "Expired")]
    public void CanUse_ExpiresAtExpiresAt(int secondsAfterExpiry, string expected)
    {
        var entry = new PermanentRedirect(new PermanentRedirectKey(Source), Target, 308, Now);

        Assert.Equal(Enum.Parse<RememberedUse>(expected), PermanentRedirectPolicy.CanUse(entry, HttpMethod.Get, Now.AddSeconds(secondsAfterExpiry), new RedirectOptions()));
    }

    [Theory]
    [InlineData(404, true)]
    [InlineData(410, true)]
    [InlineData(200, false)]
    [InlineData(500, false)]
    [InlineData(301, false)]
    public void IsBroken_On404And410Only(int status, bool broken) => Assert.Equal(broken, PermanentRedirectPolicy.IsBroken(status));

    private static DateTimeOffset? Remember(int status, string? cacheControl, int? ageSeconds) =>
        PermanentRedirectPolicy.RememberUntil(
            status,
            Source,
            Target,
            cacheControl is null ? null : CacheControlHeaderValue.Parse(cacheControl),
            ageSeconds is int a ? TimeSpan.FromSeconds(a) : null,
            Now,
            new RedirectOptions(),
            out _);
}
