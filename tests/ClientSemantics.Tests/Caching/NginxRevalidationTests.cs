using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Caching;

/// <summary>The cache against a real static-file server: nginx's own ETag and Last-Modified turn 304s into hits.</summary>
public sealed class NginxRevalidationTests
{
    [Fact]
    public async Task Get_NginxStaticFile_NoCache_RevalidatesWithItsETag_And304IsServedFromTheStore()
    {
        await using var nginx = await NginxOrigin.StartAsync("add_header Cache-Control no-cache;");
        var file = Path.Combine(nginx.Root, "index.html");
        await File.WriteAllTextAsync(file, "<h1>first</h1>");
        File.SetLastWriteTimeUtc(file, DateTime.UnixEpoch.AddDays(20_000));
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        var url = new Uri(nginx.BaseUri, "index.html");

        using var first = await http.GetAsync(url);
        using var second = await http.GetAsync(url);

        Assert.Equal("<h1>first</h1>", await first.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("<h1>first</h1>", await second.Content.ReadAsStringAsync());
        var log = await nginx.SettledAccessLogAsync();
        Assert.Equal(2, log.Count);
        Assert.Equal(["200", "", ""], log[0][..3]); // the first request carried no validators
        Assert.Equal("304", log[1][0]);
        Assert.Equal(first.Headers.ETag!.Tag, log[1][1]);
        Assert.Equal(first.Content.Headers.LastModified!.Value.ToString("r"), log[1][2]);
        Assert.Contains("fwd=stale", string.Join(",", second.Headers.GetValues("Cache-Status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NginxStaticFile_ChangedOnDisk_RevalidationGetsTheNewBody()
    {
        await using var nginx = await NginxOrigin.StartAsync("add_header Cache-Control no-cache;");
        var file = Path.Combine(nginx.Root, "page.txt");
        await File.WriteAllTextAsync(file, "old");
        File.SetLastWriteTimeUtc(file, DateTime.UnixEpoch.AddDays(20_000));
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        var url = new Uri(nginx.BaseUri, "page.txt");
        using var first = await http.GetAsync(url);

        await File.WriteAllTextAsync(file, "new content");
        File.SetLastWriteTimeUtc(file, DateTime.UnixEpoch.AddDays(20_001));
        using var second = await http.GetAsync(url);

        Assert.Equal("new content", await second.Content.ReadAsStringAsync());
        var log = await nginx.SettledAccessLogAsync();
        Assert.Equal(["200", "200"], log.Select(l => l[0]));
        Assert.NotEqual(string.Empty, log[1][1]); // it did ask conditionally, and nginx said the file changed
    }

    [Fact]
    public async Task Get_NginxStaticFile_HeuristicFreshness_FromLastModified_IsAHitWithoutARequest()
    {
        // No Cache-Control: RFC 9111 4.2.2 lets the cache use 10% of (Date - Last-Modified); a file last changed
        // long ago is fresh for a day (the default cap), so the second call never reaches nginx.
        await using var nginx = await NginxOrigin.StartAsync();
        var file = Path.Combine(nginx.Root, "old.txt");
        await File.WriteAllTextAsync(file, "stable");
        File.SetLastWriteTimeUtc(file, DateTime.UnixEpoch.AddDays(10_000));
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();
        var url = new Uri(nginx.BaseUri, "old.txt");

        using var first = await http.GetAsync(url);
        using var second = await http.GetAsync(url);

        Assert.Equal("stable", await second.Content.ReadAsStringAsync());
        Assert.Single(await nginx.SettledAccessLogAsync());
        Assert.Contains("hit", string.Join(",", second.Headers.GetValues("Cache-Status")), StringComparison.Ordinal);
    }
}
