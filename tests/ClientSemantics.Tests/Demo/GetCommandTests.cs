using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Demo;

/// <summary>The curl-like <c>get</c> command: output for a response, and one clear line for every failure.</summary>
public sealed class GetCommandTests
{
    [Fact]
    public async Task Get_FollowedRedirect_PrintsStatusHeadersBodyAndTrace()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new"));
        origin.MapStatus("/new", 200, "the new home", ("Content-Type", "text/plain"));

        var (code, output, error) = await DemoCommandTests.RunAsync("get", origin.Url("/old").AbsoluteUri);

        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split(Environment.NewLine);
        Assert.Equal("HTTP/1.1 200 OK", lines[0]);
        Assert.Contains("Content-Type: text/plain", lines);
        Assert.Contains("the new home", lines);
        Assert.Contains("trace:", lines);
        Assert.Contains(lines, l => l.Contains($"Redirect       GET {origin.Url("/old")} -> 301 follow", StringComparison.Ordinal));
        Assert.Equal(1, origin.CountFor("/new"));
    }

    [Fact]
    public async Task Get_NoRedirects_PrintsThe301AsItIs()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", 301, null, ("Location", "/new"));

        var (code, output, _) = await DemoCommandTests.RunAsync("get", origin.Url("/old").AbsoluteUri, "--no-redirects");

        Assert.Equal(0, code);
        Assert.StartsWith("HTTP/1.1 301 Moved Permanently", output, StringComparison.Ordinal);
        Assert.Contains("Location: /new", output, StringComparison.Ordinal);
        Assert.Equal(0, origin.CountFor("/new"));
    }

    [Fact]
    public async Task Get_NoCache_BypassesTheCache()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/page", 200, "fresh for an hour", ("Cache-Control", "max-age=3600"));

        var (code, output, _) = await DemoCommandTests.RunAsync("get", origin.Url("/page").AbsoluteUri, "--no-cache");

        Assert.Equal(0, code);
        Assert.Contains($"Cache          GET {origin.Url("/page")} -> - bypass", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithDataHeaderAndMethod_SendsThemAsGiven()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/items", 201, "{\"id\":1}", ("Content-Type", "application/json"));

        var (code, output, _) = await DemoCommandTests.RunAsync(
            "get", origin.Url("/items").AbsoluteUri, "-X", "put", "-d", "{\"name\":\"x\"}", "-H", "Content-Type: application/json", "-H", "X-Demo: 1");

        Assert.Equal(0, code);
        Assert.Contains("{\"id\":1}", output, StringComparison.Ordinal);
        var sent = Assert.Single(origin.RequestsTo("/items"));
        Assert.Equal("PUT", sent.Method);
        Assert.Equal("{\"name\":\"x\"}", sent.BodyText);
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Equal("1", sent.Header("X-Demo"));
    }

    [Fact]
    public async Task Get_WithUser_AnswersTheBasicChallenge()
    {
        await using var origin = await TestOrigin.StartAsync();
        var expected = "Basic " + Convert.ToBase64String("demo:secret"u8.ToArray());
        origin.Map("/private", ctx =>
        {
            var ok = ctx.Request.Headers.Authorization == expected;
            ctx.Response.StatusCode = ok ? 200 : 401;
            if (!ok)
            {
                ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"test\"";
            }

            return Task.CompletedTask;
        });

        var (code, output, _) = await DemoCommandTests.RunAsync("get", origin.Url("/private").AbsoluteUri, "-u", "demo:secret");

        Assert.Equal(0, code);
        Assert.StartsWith("HTTP/1.1 200 OK", output, StringComparison.Ordinal);
        Assert.Contains("Authentication GET", output, StringComparison.Ordinal);
        Assert.Equal(2, origin.CountFor("/private"));
    }

    [Fact]
    public async Task Get_WithProxyAndProxyUser_SendsThroughTheProxyAndAnswersIts407()
    {
        // The TestOrigin plays a plain-http forward proxy: Kestrel accepts the absolute-form target a proxy receives.
        await using var proxy = await TestOrigin.StartAsync();
        var expected = "Basic " + Convert.ToBase64String("pu:pp"u8.ToArray());
        proxy.Map("/via-proxy", ctx =>
        {
            var ok = ctx.Request.Headers.ProxyAuthorization == expected;
            ctx.Response.StatusCode = ok ? 200 : 407;
            if (!ok)
            {
                ctx.Response.Headers.ProxyAuthenticate = "Basic realm=\"proxy\"";
            }

            return Task.CompletedTask;
        });

        var (code, output, error) = await DemoCommandTests.RunAsync(
            "get", "http://origin.example/via-proxy", "--proxy", proxy.BaseUri.AbsoluteUri, "--proxy-user", "pu:pp");

        Assert.True(code == 0, error);
        Assert.StartsWith("HTTP/1.1 200 OK", output, StringComparison.Ordinal);
        var sent = proxy.RequestsTo("/via-proxy");
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.Equal("origin.example", r.Header("Host")));
        Assert.Null(sent[0].Header("Proxy-Authorization"));
        Assert.Equal(expected, sent[1].Header("Proxy-Authorization"));
    }

    [Fact]
    public async Task Get_BinaryBody_PrintsItsSizeOnly()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/image", ctx =>
        {
            ctx.Response.ContentType = "image/png";
            return ctx.Response.Body.WriteAsync(new byte[3000]).AsTask();
        });

        var (_, output, _) = await DemoCommandTests.RunAsync("get", origin.Url("/image").AbsoluteUri);

        Assert.Contains("[3000 bytes of image/png, not printed]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHelp_ListsEveryOption()
    {
        var (code, output, _) = await DemoCommandTests.RunAsync("get", "--help");

        Assert.Equal(0, code);
        foreach (var option in new[] { "-X", "-d", "-H", "-u", "--proxy", "--proxy-user", "--no-cache", "--no-redirects", "--timeout" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
