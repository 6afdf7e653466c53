using System.Net;
using System.Net.Http.Headers;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Authentication;

/// <summary>Where credentials must not go, and when a challenge must not be answered.</summary>
public sealed class AuthenticationBoundaryTests
{
    [Fact]
    public async Task Get_CallerSetAuthorization_IsNeverOverwrittenNorAnswered()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBasic("/a", "alice", "pw");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("alice", "pw"));
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/a"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "caller-token");

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer caller-token", Assert.Single(origin.RequestsTo("/a")).Header("Authorization"));
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Reason?.Contains("the caller set Authorization", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Post_401WithUnrereadableBody_IsReturned_AndTheTraceSaysWhy()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBasic("/upload", "alice", "pw");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("alice", "pw"));

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/upload"), new StreamContent(new MemoryStream("payload"u8.ToArray())));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, origin.CountFor("/upload"));
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Reason?.Contains("cannot be re-read", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Post_401WithBufferedBody_ResendsTheBodyWithCredentials()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapBasic("/form", "alice", "pw");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("alice", "pw"));

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/form"), new StringContent("payload"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("payload", origin.RequestsTo("/form")[1].BodyText);
    }

    [Fact]
    public async Task Get_CrossOriginRedirectAfterAuthentication_SecondOriginNeverGetsAuthorization()
    {
        await using var first = await TestOrigin.StartAsync();
        await using var second = await TestOrigin.StartAsync();
        first.MapBasic("/dir/login", "alice", "pw");
        first.MapStatus("/dir/go", 302, null, ("Location", second.Url("/landing").ToString()));
        second.MapStatus("/landing", 200, "landed");
        second.MapBasic("/private", "alice", "pw");
        var credentials = new CredentialCache { { first.BaseUri, "Basic", new NetworkCredential("alice", "pw") } };
        await using var client = TestClient.Create(o => o.Authentication.Credentials = credentials);
        var http = client.CreateHttpClient();
        (await http.GetAsync(first.Url("/dir/login"))).Dispose();

        using var redirected = await http.GetAsync(first.Url("/dir/go"));
        using var direct = await http.GetAsync(second.Url("/private"));

        // The preemptive credentials reached origin 1's /dir/go; whether or not the 3xx was followed, origin 2 got none.
        Assert.NotNull(first.RequestsTo("/dir/go")[0].Header("Authorization"));
        Assert.All(second.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);
        Assert.Equal(1, second.CountFor("/private"));
        Assert.Contains(direct.GetStatusSemanticsTrace()!.Entries, e => e.Reason?.Contains("no Basic credentials", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Get_PreemptiveSpace_IsPerOrigin_NotPerHost()
    {
        await using var first = await TestOrigin.StartAsync();
        await using var second = await TestOrigin.StartAsync();
        first.MapBasic("/a", "alice", "pw");
        second.MapStatus("/a", 200, "open");
        await using var client = TestClient.Create(o => o.Authentication.Credentials = new NetworkCredential("alice", "pw"));
        var http = client.CreateHttpClient();
        (await http.GetAsync(first.Url("/a"))).Dispose();

        using var response = await http.GetAsync(second.Url("/a")); // same host 127.0.0.1, other port

        Assert.Null(Assert.Single(second.Requests).Header("Authorization"));
    }
}
