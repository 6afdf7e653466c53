using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Caching;

/// <summary>RFC 9111 4.4: unsafe methods invalidate the target URI and same-origin Location / Content-Location.</summary>
public sealed class CacheInvalidationTests
{
    [Theory]
    [InlineData("POST", 200, true)]
    [InlineData("PUT", 204, true)]
    [InlineData("PATCH", 200, true)]
    [InlineData("DELETE", 200, true)]
    [InlineData("POST", 303, true)]
    [InlineData("POST", 400, false)]
    [InlineData("POST", 500, false)]
    public async Task UnsafeMethod_NonErrorResponse_InvalidatesTheTarget(string method, int status, bool invalidated)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/item", async ctx =>
        {
            if (ctx.Request.Method != "GET")
            {
                ctx.Response.StatusCode = status;
                return;
            }

            ctx.Response.Headers.CacheControl = "max-age=600";
            await ctx.Response.Body.WriteAsync("item"u8.ToArray());
        });
        await using var client = CacheTestKit.Client(o => o.RetryAfter.MaxRetries = 0);
        var http = client.CreateHttpClient();

        await client.GetStringAsync(origin.Url("/item"));
        (await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), origin.Url("/item")))).Dispose();
        await client.GetStringAsync(origin.Url("/item"));

        Assert.Equal(invalidated ? 2 : 1, origin.RequestsTo("/item").Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task Post_InvalidatesSameOriginLocationAndContentLocation()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBody("/a", 200, "a", ("Cache-Control", "max-age=600"));
        origin.MapBody("/b", 200, "b", ("Cache-Control", "max-age=600"));
        origin.MapBody("/c", 200, "c", ("Cache-Control", "max-age=600"));
        origin.MapStatus("/create", 201, null, ("Location", "/a"), ("Content-Location", origin.Url("/b").ToString()));
        await using var client = CacheTestKit.Client();

        foreach (var path in new[] { "/a", "/b", "/c" })
        {
            await client.GetStringAsync(origin.Url(path));
        }

        (await client.CreateHttpClient().PostAsync(origin.Url("/create"), new StringContent("x"))).Dispose();
        foreach (var path in new[] { "/a", "/b", "/c" })
        {
            await client.GetStringAsync(origin.Url(path));
        }

        Assert.Equal(2, origin.CountFor("/a"));
        Assert.Equal(2, origin.CountFor("/b"));
        Assert.Equal(1, origin.CountFor("/c"));
    }

    [Fact]
    public async Task Post_LocationOnAnotherOrigin_IsNotInvalidated()
    {
        await using var origin = await TestOrigin.StartAsync();
        await using var other = await TestOrigin.StartAsync();
        other.MapBody("/x", 200, "x", ("Cache-Control", "max-age=600"));
        origin.MapStatus("/create", 201, null, ("Location", other.Url("/x").ToString()));
        await using var client = CacheTestKit.Client();

        await client.GetStringAsync(other.Url("/x"));
        (await client.CreateHttpClient().PostAsync(origin.Url("/create"), new StringContent("x"))).Dispose();
        await client.GetStringAsync(other.Url("/x"));

        Assert.Equal(1, other.CountFor("/x"));
    }
}
