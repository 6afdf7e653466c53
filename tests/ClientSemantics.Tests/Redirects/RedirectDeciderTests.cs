using ClientSemantics.Redirects;

namespace ClientSemantics.Tests.Redirects;

/// <summary>The rules of RFC 9110 15.4 as tables, the way dotnet/runtime tests its redirect handler (status x method).</summary>
public sealed class RedirectDeciderTests
{
    private static readonly Uri Current = new("http://origin.test/a/b?q=1");

    [Theory]
    [InlineData(300, "GET", "GET", false)]
    [InlineData(300, "POST", "GET", true)]
    [InlineData(300, "PUT", "PUT", false)]
    [InlineData(301, "GET", "GET", false)]
    [InlineData(301, "HEAD", "HEAD", false)]
    [InlineData(301, "POST", "GET", true)]
    [InlineData(301, "PUT", "PUT", false)]
    [InlineData(301, "DELETE", "DELETE", false)]
    [InlineData(302, "GET", "GET", false)]
    [InlineData(302, "HEAD", "HEAD", false)]
    [InlineData(302, "POST", "GET", true)]
    [InlineData(302, "PUT", "PUT", false)]
    [InlineData(302, "PATCH", "PATCH", false)]
    [InlineData(303, "GET", "GET", true)]
    [InlineData(303, "HEAD", "HEAD", true)]
    [InlineData(303, "POST", "GET", true)]
    [InlineData(303, "PUT", "GET", true)]
    [InlineData(303, "DELETE", "GET", true)]
    [InlineData(307, "GET", "GET", false)]
    [InlineData(307, "HEAD", "HEAD", false)]
    [InlineData(307, "POST", "POST", false)]
    [InlineData(307, "PUT", "PUT", false)]
    [InlineData(307, "DELETE", "DELETE", false)]
    [InlineData(308, "GET", "GET", false)]
    [InlineData(308, "POST", "POST", false)]
    [InlineData(308, "PUT", "PUT", false)]
    [InlineData(308, "PATCH", "PATCH", false)]
    public void Decide_StatusAndMethod_GiveTheNextMethodAndBody(int status, string method, string expectedMethod, bool dropsBody)
    {
        var decision = Decide(status, method, "/next");

        Assert.Equal(RedirectAction.Follow, decision.Action);
        Assert.Equal(expectedMethod, decision.Method!.Method);
        Assert.Equal(dropsBody, decision.DropBody);
        Assert.Equal(new Uri("http://origin.test/next"), decision.Target);
        Assert.Equal(status is 301 or 308, decision.Permanent);
        Assert.False(decision.StripCredentials);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(302)]
    public void Decide_PostOn300To302_KeepsPostAndBody_WhenKeepPostOn301And302(int status)
    {
        var decision = Decide(status, "POST", "/next", options: new RedirectOptions { KeepPostOn301And302 = true });

        Assert.Equal(HttpMethod.Post, decision.Method);
        Assert.False(decision.DropBody);
    }

    [Theory]
    [InlineData(300, null, "300 without a Location")]
    [InlineData(305, "/proxy", "305 Use Proxy is never followed")]
    [InlineData(306, "/x", "306 is unused")]
    [InlineData(301, null, "without a single Location")]
    [InlineData(302, null, "without a single Location")]
    [InlineData(307, "http://[bad", "malformed Location")]
    [InlineData(308, "http://exa mple:99999/", "malformed Location")]
    [InlineData(302, "ftp://origin.test/file", "only http and https")]
    [InlineData(301, "mailto:someone@origin.test", "only http and https")]
    [InlineData(303, "javascript:alert(1)", "only http and https")]
    public void Decide_UnfollowableRedirects_Stop_WithAReason(int status, string? location, string reason)
    {
        var decision = Decide(status, "GET", location);

        Assert.Equal(RedirectAction.Stop, decision.Action);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_300WithLocation_Stops_WhenFollow300IsOff() =>
        Assert.Equal(RedirectAction.Stop, Decide(300, "GET", "/choice", options: new RedirectOptions { Follow300 = false }).Action);

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(304)]
    [InlineData(399)]
    [InlineData(404)]
    [InlineData(503)]
    public void Decide_NotARedirect_IsNone(int status) => Assert.Equal(RedirectAction.None, Decide(status, "GET", "/x").Action);

    [Theory]
    [InlineData("https://origin.test/a", "http://origin.test/b", false, "Stop")]
    [InlineData("https://origin.test/a", "http://origin.test/b", true, "Follow")]
    [InlineData("http://origin.test/a", "https://origin.test/b", false, "Follow")]
    [InlineData("https://origin.test/a", "https://other.test/b", false, "Follow")]
    public void Decide_HttpsToHttp_IsRefused_UnlessAllowed(string current, string location, bool allow, string expected)
    {
        var decision = Decide(302, "GET", location, current: new Uri(current), options: new RedirectOptions { AllowHttpsToHttp = allow });
        Assert.Equal(Enum.Parse<RedirectAction>(expected), decision.Action);
    }

    [Theory]
    [InlineData("http://origin.test/a", "/b", false)]
    [InlineData("http://origin.test/a", "http://ORIGIN.test:80/b", false)]
    [InlineData("http://origin.test/a", "http://origin.test:8080/b", true)]
    [InlineData("http://origin.test/a", "https://origin.test/b", true)]
    [InlineData("http://origin.test/a", "http://other.test/b", true)]
    [InlineData("http://origin.test/a", "http://sub.origin.test/b", true)]
    public void Decide_StripsCredentials_ExactlyWhenTheOriginChanges(string current, string location, bool strips) =>
        Assert.Equal(strips, Decide(307, "GET", location, current: new Uri(current)).StripCredentials);

    [Theory]
    [InlineData("http://o.test/a/b?q=1", "c", "http://o.test/a/c")]
    [InlineData("http://o.test/a/b?q=1", "/x/y", "http://o.test/x/y")]
    [InlineData("http://o.test/a/b?q=1", "../up", "http://o.test/up")]
    [InlineData("http://o.test/a/b?q=1", "?z=2", "http://o.test/a/b?z=2")]
    [InlineData("http://o.test/a/b?q=1", "//other.test/p", "http://other.test/p")]
    [InlineData("http://o.test/a/b?q=1", "https://secure.test/s", "https://secure.test/s")]
    [InlineData("http://o.test/a/b?q=1", "/with%20space", "http://o.test/with%20space")]
    public void Decide_ResolvesLocation_AgainstTheCurrentUri(string current, string location, string expected) =>
        Assert.Equal(new Uri(expected), Decide(302, "GET", location, current: new Uri(current)).Target);

    [Theory]
    [InlineData(307, "PUT", "Stop")]
    [InlineData(308, "POST", "Stop")]
    [InlineData(301, "PUT", "Stop")]
    [InlineData(301, "POST", "Follow")]
    [InlineData(303, "POST", "Follow")]
    public void Decide_UnrereadableBody_StopsOnlyWhenTheBodyWouldBeResent(int status, string method, string expected)
    {
        var decision = RedirectDecider.Decide(new RedirectInput(status, new HttpMethod(method), "/next", Current, HasBody: true, BodyRereadable: false), new RedirectOptions());

        Assert.Equal(Enum.Parse<RedirectAction>(expected), decision.Action);
        if (expected == "Stop")
        {
            Assert.Contains("cannot be read a second time", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://o.test/new", "http://o.test/old#part", "http://o.test/new#part")]
    [InlineData("http://o.test/new#own", "http://o.test/old#part", "http://o.test/new#own")]
    [InlineData("http://o.test/new", "http://o.test/old", "http://o.test/new")]
    public void InheritFragment_FollowsRfc9110Section10_2_2(string target, string current, string expected) =>
        Assert.Equal(expected, RedirectUris.InheritFragment(new Uri(target), new Uri(current)).ToString());

    private static RedirectDecision Decide(int status, string method, string? location, Uri? current = null, RedirectOptions? options = null) =>
        RedirectDecider.Decide(
            new RedirectInput(status, new HttpMethod(method), location, current ?? Current, HasBody: method is "POST" or "PUT" or "PATCH", BodyRereadable: true),
            options ?? new RedirectOptions());
}
