using System.Net;
using System.Net.Sockets;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Demo;

/// <summary>Every failure of the <c>get</c> command is one line on stderr and a non-zero exit code, never a stack trace.</summary>
public sealed class GetCommandErrorTests
{
    [Fact]
    public async Task Get_RefusedConnection_PrintsOneLineAndExitsOne()
    {
        var port = ClosedPort();

        var (code, output, error) = await DemoCommandTests.RunAsync("get", $"http://127.0.0.1:{port}/");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal($"error: 127.0.0.1:{port}: connection refused{Environment.NewLine}", error);
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

    /// <summary>A loopback port nobody listens on: bound, then released.</summary>
    private static int ClosedPort() => LoopbackServerProcess.FreePort();
}
