using System.Net;
using System.Net.Http.Headers;
using ConsoleClient.Origin;

namespace ConsoleClient.Demo;

/// <summary>The demo's scenarios, in the order they run: redirects, revalidation, authentication, backoff, recovery.</summary>
internal static class Scenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new()
        {
            Name = "300", Title = "300 Multiple Choices with a preferred Location",
            Explanation = "The server's preferred choice (Location) is followed; plain HttpClient returns the 300 page (RFC 9110 15.4.1).",
            Request = o => Get(o, "/300/choices"), ExpectedStatus = 200,
            ExpectedExchanges = ["GET /300/choices 300", "GET /300/preferred 200"],
        },
        new()
        {
            Name = "301", Title = "301 Moved Permanently, called twice",
            Explanation = "The first call follows the 301 and remembers it; the second goes straight to the new URI (RFC 9110 15.4.2).",
            Request = o => Get(o, "/301/old"), Calls = 2, ExpectedStatus = 200,
            ExpectedExchanges = ["GET /301/old 301", "GET /301/new 200", "GET /301/new 200"],
        },
        new()
        {
            Name = "302", Title = "302 Found, called twice",
            Explanation = "A temporary redirect is followed on every call and never remembered (RFC 9110 15.4.3).",
            Request = o => Get(o, "/302/old"), Calls = 2, ExpectedStatus = 200,
            ExpectedExchanges = ["GET /302/old 302", "GET /302/elsewhere 200", "GET /302/old 302", "GET /302/elsewhere 200"],
        },
        new()
        {
            Name = "303", Title = "303 See Other after a POST",
            Explanation = "The result is fetched with a GET, without the form body (RFC 9110 15.4.4).",
            Request = o => Post(o, "/303/form"), ExpectedStatus = 200,
            ExpectedExchanges = ["POST /303/form 303", "GET /303/result 200"],
        },
        new()
        {
            Name = "304", Title = "304 Not Modified from a file's modification time, called twice",
            Explanation = "The page (Cache-Control: no-cache, Last-Modified) is stored; the second call revalidates with If-Modified-Since and the 304 is answered from the cache (RFC 9111 4.3).",
            Request = o => Get(o, "/304/page"), Calls = 2, ExpectedStatus = 200,
            ExpectedExchanges = ["GET /304/page 200", "GET /304/page 304"],
        },
        new()
        {
            Name = "305", Title = "305 Use Proxy",
            Explanation = "Never followed: a response must not choose the client's proxy (RFC 9110 15.4.6). The trace says why.",
            Request = o => Get(o, "/305/resource"), ExpectedStatus = 305,
            ExpectedExchanges = ["GET /305/resource 305"],
        },
        new()
        {
            Name = "307", Title = "307 Temporary Redirect after a POST with a body",
            Explanation = "The POST and its body are sent again to the new URI (RFC 9110 15.4.8).",
            Request = o => Post(o, "/307/submit"), ExpectedStatus = 200,
            ExpectedExchanges = ["POST /307/submit 307", "POST /307/target 200"],
        },
        new()
        {
            Name = "308", Title = "308 Permanent Redirect after a POST with a body",
            Explanation = "The POST and its body are sent again to the new URI, which is remembered (RFC 9110 15.4.9).",
            Request = o => Post(o, "/308/submit"), ExpectedStatus = 200,
            ExpectedExchanges = ["POST /308/submit 308", "POST /308/target 200"],
        },
        new()
        {
            Name = "401-basic", Title = "401 Unauthorized with Basic, called twice",
            Explanation = "The challenge is answered with the configured credentials; the second call sends them up front (RFC 9110 11.6.1, RFC 7617).",
            Request = o => Get(o, "/401/basic"), Calls = 2, ExpectedStatus = 200,
            ExpectedExchanges = ["GET /401/basic 401", "GET /401/basic 200", "GET /401/basic 200"],
            Configure = o => o.Authentication.Credentials = new NetworkCredential(DemoRoutes.User, DemoRoutes.Password),
        },
        new()
        {
            Name = "401-digest", Title = "401 Unauthorized with Digest (SHA-256), called twice",
            Explanation = "The Digest challenge is answered with a response hash, so the password never crosses the wire; the second call answers up front with the next nonce count (RFC 7616).",
            Request = o => Get(o, "/401/digest"), Calls = 2, ExpectedStatus = 200,
            ExpectedExchanges = ["GET /401/digest 401", "GET /401/digest 200", "GET /401/digest 200"],
            Configure = o => o.Authentication.Credentials = new NetworkCredential(DemoRoutes.User, DemoRoutes.Password),
        },
        new()
        {
            Name = "503", Title = "503 Service Unavailable with Retry-After: 2",
            Explanation = "The client waits the 2 seconds the server asked for, then tries again (RFC 9110 15.6.4, 10.2.3).",
            Request = o => Get(o, "/503/busy"), ExpectedStatus = 200, MinimumDuration = TimeSpan.FromSeconds(1.9),
            ExpectedExchanges = ["GET /503/busy 503", "GET /503/busy 200"],
        },
        new()
        {
            Name = "429", Title = "429 Too Many Requests with Retry-After: 1",
            Explanation = "The client slows down as asked and tries again after 1 second (RFC 6585 4).",
            Request = o => Get(o, "/429/limited"), ExpectedStatus = 200, MinimumDuration = TimeSpan.FromSeconds(0.9),
            ExpectedExchanges = ["GET /429/limited 429", "GET /429/limited 200"],
        },
        new()
        {
            Name = "417", Title = "417 Expectation Failed after Expect: 100-continue",
            Explanation = "The upload is repeated once without the expectation (RFC 9110 10.1.1, 15.5.18).",
            Request = o => Post(o, "/417/upload", expectContinue: true), ExpectedStatus = 200,
            ExpectedExchanges = ["POST /417/upload 417", "POST /417/upload 200"],
        },
    ];

    public static Scenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static HttpRequestMessage Get(Uri origin, string path) => new(HttpMethod.Get, new Uri(origin, path));

    private static HttpRequestMessage Post(Uri origin, string path, bool expectContinue = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, path))
        {
            Content = new StringContent(DemoRoutes.FormBody, new MediaTypeHeaderValue("application/x-www-form-urlencoded")),
        };
        request.Headers.ExpectContinue = expectContinue ? true : null;
        return request;
    }
}
