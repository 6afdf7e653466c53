using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ClientSemantics.Tests.Caching;

/// <summary>Vary and credentials: which requests a stored response may answer.</summary>
public sealed class CachePartitionTests
{
    [Fact]
    public async Task Get_Vary_KeepsVariantsSideBySide_AndMatchesOnlyTheSameHeaderValues()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/lang", async ctx =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.Headers.Vary = "Accept-Language";
            await ctx.Response.WriteAsync("text in " + ctx.Request.Headers.AcceptLanguage);
        });
        await using var client = CacheTestKit.Client();
        void En(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("Accept-Language", "en");
        void Fr(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("Accept-Language", "fr");

        Assert.Equal("text in en", await client.GetStringAsync(origin.Url("/lang"), En));
        Assert.Equal("text in fr", await client.GetStringAsync(origin.Url("/lang"), Fr));
        Assert.Equal("text in en", await client.GetStringAsync(origin.Url("/lang"), En));
        Assert.Equal("text in fr", await client.GetStringAsync(origin.Url("/lang"), Fr));
        Assert.Equal("text in ", await client.GetStringAsync(origin.Url("/lang")));

        Assert.Equal(3, origin.CountFor("/lang"));
    }

    [Theory]
    [InlineData("Authorization", "Bearer secret-one", "Bearer secret-two")]
    [InlineData("Authorization", "Bearer secret-one", null)]
    [InlineData("Cookie", "session=secret-one", "session=secret-two")]
    [InlineData("Cookie", "session=secret-one", null)]
    public async Task Get_ResponseFetchedWithCredentials_IsNeverServedToOtherCredentials(string header, string first, string? second)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.Map("/me", async ctx =>
        {
            ctx.Response.Headers.CacheControl = "private, max-age=60";
            await ctx.Response.WriteAsync("for " + ctx.Request.Headers[header]);
        });
        await using var client = CacheTestKit.Client();

        Assert.Equal("for " + first, await client.GetStringAsync(origin.Url("/me"), r => r.Headers.TryAddWithoutValidation(header, first)));
        Assert.Equal("for " + second, await client.GetStringAsync(origin.Url("/me"), r => { if (second is not null) r.Headers.TryAddWithoutValidation(header, second); }));
        Assert.Equal("for " + first, await client.GetStringAsync(origin.Url("/me"), r => r.Headers.TryAddWithoutValidation(header, first)));

        Assert.Equal(2, origin.CountFor("/me"));
        var stored = await client.Store().GetAsync(ClientSemantics.Caching.CacheKeys.Primary(origin.Url("/me")), default);
        Assert.All(stored, e => Assert.DoesNotContain("secret", e.VariantKey, StringComparison.Ordinal));
    }
}
