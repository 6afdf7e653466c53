using System.Net;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Testing;

namespace ClientSemantics.Tests.Pipeline;

/// <summary>Logs carry host and path only: never a query string, a password, a token or an Authorization value.</summary>
public sealed class NoSecretsInLogsTests
{
    [Fact]
    public async Task EveryStageLogs_WithoutQueryStringsOrCredentials()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/start", 302, null, ("Location", "/protected?token=QUERYSECRET2"));
        origin.Map("/protected", async ctx =>
        {
            var expected = "Basic " + Convert.ToBase64String("user:PASSWORDSECRET"u8.ToArray());
            if (ctx.Request.Headers.Authorization != expected)
            {
                ctx.Response.StatusCode = 401;
                ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"r\"";
                return;
            }

            ctx.Response.Headers.CacheControl = "max-age=60";
            await ctx.Response.WriteAsync("ok");
        });
        var logs = new FakeLogCollector();
        await using var client = TestClient.Create(
            o => o.Authentication.Credentials = new NetworkCredential("user", "PASSWORDSECRET"),
            configureServices: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs))));
        var http = client.CreateHttpClient();

        using var first = await http.GetAsync(origin.Url("/start?token=QUERYSECRET1"));
        using var second = await http.GetAsync(origin.Url("/start?token=QUERYSECRET1"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var ours = logs.GetSnapshot().Where(r => r.Category?.StartsWith("ClientSemantics", StringComparison.Ordinal) == true).ToArray();
        Assert.NotEmpty(ours);
        var text = string.Join("\n", ours.Select(r => r.Message + " " + string.Join(",", r.StructuredState?.Select(kv => kv.Value) ?? [])));
        Assert.DoesNotContain("QUERYSECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PASSWORDSECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("user:PASSWORDSECRET"u8.ToArray()), text, StringComparison.Ordinal);
    }
}
