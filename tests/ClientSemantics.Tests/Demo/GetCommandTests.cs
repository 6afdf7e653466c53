using System.Net;
using System.Net.Sockets;
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
    public async Task Get_RefusedConnection_PrintsOneLineAndExitsOne()
    {
        var (code, output, error) = await DemoCommandTests.RunAsync("get", $"http://127.0.0.1:{ClosedPort.Next()}/");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal($"error: 127.0.0.1:{ClosedPort.Last}: connection refused{Environment.NewLine}", error);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/file")]
    [InlineData("/relative/path")]
    public async Task Get_BadUrl_PrintsOneLineAndExitsTwo(string url)
    {
        var (code, output, error) = await DemoCommandTests.RunAsync("get", url);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal($"error: URL '{url}' is not an absolute http:// or https:// URL{Environment.NewLine}", error);
    }

    [Theory]
    [InlineData("-H", "NoColonHere", "error: -H 'NoColonHere' is not 'Name: value'")]
    [InlineData("-u", "nopassword", "error: -u needs user:password")]
    [InlineData("--proxy", "not a proxy", "error: --proxy 'not a proxy' is not an absolute http:// or https:// URL")]
    public async Task Get_BadOption_PrintsOneLineAndExitsTwo(string option, string value, string message)
    {
        var (code, _, error) = await DemoCommandTests.RunAsync("get", "http://127.0.0.1:1/", option, value);

        Assert.Equal(2, code);
        Assert.Equal(message + Environment.NewLine, error);
    }

    [Fact]
    public async Task Get_SlowOrigin_PrintsTimeoutLineAndExitsOne()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/slow", ctx => Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted));

        var (code, _, error) = await DemoCommandTests.RunAsync("get", origin.Url("/slow").AbsoluteUri, "--timeout", "0.3");

        Assert.Equal(1, code);
        Assert.Equal($"error: no response from {origin.BaseUri.Authority} within 0.3 s{Environment.NewLine}", error);
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

    /// <summary>A loopback port nobody listens on: bound, then released.</summary>
    private static class ClosedPort
    {
        public static int Last { get; private set; }

        public static int Next()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Last = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return Last;
        }
    }
}
