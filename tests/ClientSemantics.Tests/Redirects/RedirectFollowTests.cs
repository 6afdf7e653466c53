using System.Net;
using System.Text;
using ClientSemantics.Tests.Infrastructure;

namespace ClientSemantics.Tests.Redirects;

/// <summary>Following each 3xx through the whole pipeline, asserting what the origin received.</summary>
public sealed class RedirectFollowTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    public async Task Post_301Or302_BecomesGetWithoutBody(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/form", status, null, ("Location", "/done")).MapStatus("/done", 200, "ok");
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/form"), new StringContent("a=1", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = Assert.Single(origin.RequestsTo("/done"));
        Assert.Equal("GET", done.Method);
        Assert.Empty(done.Body);
        Assert.Null(done.Header("Content-Type"));
        Assert.Equal(origin.Url("/done"), response.RequestMessage!.RequestUri);
        Assert.Equal(HttpMethod.Get, response.RequestMessage.Method);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    public async Task Post_301Or302_KeepsPostAndBody_WhenKeepPostOn301And302(int status)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/form", status, null, ("Location", "/done")).MapStatus("/done", 200, "ok");
        await using var client = TestClient.Create(o => o.Redirects.KeepPostOn301And302 = true);

        using var response = await client.CreateHttpClient().PostAsync(origin.Url("/form"), new StringContent("a=1"));

        var done = Assert.Single(origin.RequestsTo("/done"));
        Assert.Equal(("POST", "a=1"), (done.Method, done.BodyText));
    }

    [Theory]
    [InlineData("POST", "GET")]
    [InlineData("PUT", "GET")]
    [InlineData("HEAD", "HEAD")]
    public async Task SeeOther303_SwitchesToGet_DropsBodyAndContentHeaders(string method, string expectedMethod)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/submit", 303, null, ("Location", "/result")).MapStatus("/result", 200);
        await using var client = TestClient.Create();
        using var request = new HttpRequestMessage(new HttpMethod(method), origin.Url("/submit"));
        if (method != "HEAD")
        {
            request.Content = new StringContent("{\"x\":1}", Encoding.UTF8, "application/json");
            request.Content.Headers.ContentLanguage.Add("en");
        }

        using var response = await client.CreateHttpClient().SendAsync(request);

        var result = Assert.Single(origin.RequestsTo("/result"));
        Assert.Equal(expectedMethod, result.Method);
        Assert.Empty(result.Body);
        Assert.Null(result.Header("Content-Type"));
        Assert.Null(result.Header("Content-Language"));
    }

    [Theory]
    [InlineData(307, "POST")]
    [InlineData(307, "PUT")]
    [InlineData(308, "POST")]
    [InlineData(308, "DELETE")]
    public async Task TemporaryAndPermanentRedirect_307And308_KeepMethodAndBody(int status, string method)
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/old", status, null, ("Location", "/new")).MapStatus("/new", 200);
        await using var client = TestClient.Create();
        using var request = new HttpRequestMessage(new HttpMethod(method), origin.Url("/old")) { Content = new StringContent("payload", Encoding.UTF8, "text/plain") };

        using var response = await client.CreateHttpClient().SendAsync(request);

        var moved = Assert.Single(origin.RequestsTo("/new"));
        Assert.Equal((method, "payload"), (moved.Method, moved.BodyText));
        Assert.StartsWith("text/plain", moved.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_307_WithUnrereadableStreamBody_ReturnsThe307_WithTheReasonInTheTrace()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/upload", 307, null, ("Location", "/elsewhere")).MapStatus("/elsewhere", 200);
        await using var client = TestClient.Create();
        using var request = new HttpRequestMessage(HttpMethod.Put, origin.Url("/upload")) { Content = new StreamContent(new MemoryStream("streamed"u8.ToArray())) };

        using var response = await client.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(0, origin.CountFor("/elsewhere"));
        Assert.Equal("streamed", Assert.Single(origin.RequestsTo("/upload")).BodyText);
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "stop" && e.Reason!.Contains("cannot be read a second time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MultipleChoices300_WithLocation_IsFollowed_WithoutLocation_IsReturned()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/choose", 300, "a or b", ("Location", "/a")).MapStatus("/a", 200, "a").MapStatus("/open", 300, "a or b");
        await using var client = TestClient.Create();
        var http = client.CreateHttpClient();

        using var followed = await http.GetAsync(origin.Url("/choose"));
        using var returned = await http.GetAsync(origin.Url("/open"));

        Assert.Equal(("a", 1), (await followed.Content.ReadAsStringAsync(), origin.CountFor("/a")));
        Assert.Equal(HttpStatusCode.MultipleChoices, returned.StatusCode);
        Assert.Equal("a or b", await returned.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MultipleChoices300_IsReturned_WhenFollow300IsOff()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/choose", 300, null, ("Location", "/a")).MapStatus("/a", 200);
        await using var client = TestClient.Create(o => o.Redirects.Follow300 = false);

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/choose"));

        Assert.Equal((HttpStatusCode.MultipleChoices, 0), (response.StatusCode, origin.CountFor("/a")));
    }

    [Theory]
    [InlineData(305, "/proxy")]
    [InlineData(306, "/switch")]
    [InlineData(301, null)]
    [InlineData(302, "http://[broken")]
    [InlineData(307, "ftp://127.0.0.1/file")]
    public async Task UnfollowableRedirect_IsReturnedUnchanged_WithAStopInTheTrace(int status, string? location)
    {
        await using var origin = await TestOrigin.StartAsync();
        var headers = location is null ? Array.Empty<(string, string)>() : [("Location", location)];
        origin.MapStatus("/start", status, "as is", headers).MapStatus("/proxy", 200).MapStatus("/switch", 200);
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/start"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("as is", await response.Content.ReadAsStringAsync());
        Assert.Single(origin.Requests);
        Assert.Contains(response.GetStatusSemanticsTrace()!.Entries, e => e.Decision == "stop" && e.StatusCode == status);
    }

    [Fact]
    public async Task RelativeLocation_IsResolvedAgainstTheCurrentUri_AndTheFragmentIsInherited()
    {
        await using var origin = await TestOrigin.StartAsync();
        origin.MapStatus("/dir/page", 302, null, ("Location", "next?step=2")).MapStatus("/dir/next", 302, null, ("Location", "../final")).MapStatus("/final", 200);
        await using var client = TestClient.Create();

        using var response = await client.CreateHttpClient().GetAsync(origin.Url("/dir/page#section"));

        Assert.Equal("/dir/next?step=2", Assert.Single(origin.RequestsTo("/dir/next")).PathAndQuery);
        Assert.Equal(origin.Url("/final#section"), response.RequestMessage!.RequestUri);
        Assert.Equal(1, origin.CountFor("/final"));
    }
}
