using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConsoleClient.Origin;

/// <summary>
/// The origin's answers: the seed's Koa examples (300, 301, 302, 303, 304 from a file's mtime), plus 305, 307, 308,
/// 401 (Basic and Digest), 417, 429 and 503, each under its own path so the demo can count requests per scenario.
/// </summary>
internal static class DemoRoutes
{
    /// <summary>The body the 307/308/417 scenarios send; the targets check they received it unchanged.</summary>
    public const string FormBody = "name=demo&value=42";

    public const string User = "demo";
    public const string Password = "secret";

    public static void Map(WebApplication app, DemoOrigin origin)
    {
        // 300: a page of choices, with the server's preferred one in Location (the seed's example).
        app.Map("/300/choices", ctx => Status(ctx, 300, "<a href=\"/300/preferred\">preferred</a><br><a href=\"/300/mobile\">mobile</a>", location: "/300/preferred"));
        app.Map("/300/preferred", ctx => Text(ctx, "the preferred representation"));
        app.Map("/301/old", ctx => Status(ctx, 301, null, location: "/301/new"));
        app.Map("/301/new", ctx => Text(ctx, "the new home"));
        app.Map("/302/old", ctx => Status(ctx, 302, null, location: "/302/elsewhere"));
        app.Map("/302/elsewhere", ctx => Text(ctx, "a temporary home"));
        app.Map("/303/form", ctx => HttpMethods.IsPost(ctx.Request.Method)
            ? Status(ctx, 303, null, location: "/303/result")
            : Status(ctx, 405, "POST a form here"));
        app.Map("/303/result", ctx => HttpMethods.IsGet(ctx.Request.Method) ? Text(ctx, "thanks, the form was stored") : Status(ctx, 405, "GET the result"));
        app.Map("/304/page", ctx => FilePage(ctx, origin.File));
        // 305 names a proxy in Location; clients must not follow it (RFC 9110 15.4.6).
        app.Map("/305/resource", ctx => Status(ctx, 305, "use the proxy", location: origin.Url("/305/proxy").AbsoluteUri));
        app.Map("/307/submit", ctx => Status(ctx, 307, null, location: "/307/target"));
        app.Map("/307/target", ExpectFormAsync);
        app.Map("/308/submit", ctx => Status(ctx, 308, null, location: "/308/target"));
        app.Map("/308/target", ExpectFormAsync);
        app.Map("/401/basic", new BasicGate(User, Password, "demo").InvokeAsync);
        app.Map("/401/digest", new DigestGate(User, Password, "digest@demo").InvokeAsync);
        // The first request since the scenario started is refused with Retry-After; the next one is served.
        app.Map("/503/busy", ctx => origin.Arrivals(ctx) == 1
            ? origin.RetryLaterAsync(ctx, 503, 2, "down for maintenance, back in 2 s")
            : Text(ctx, "back in service"));
        app.Map("/429/limited", ctx => origin.Arrivals(ctx) == 1
            ? origin.RetryLaterAsync(ctx, 429, 1, "too many requests, try again in 1 s")
            : Text(ctx, "within the rate limit"));
        // A server (or proxy) that refuses the 100-continue expectation (RFC 9110 10.1.1).
        app.Map("/417/upload", ctx => ctx.Request.Headers.ContainsKey("Expect") ? Status(ctx, 417, "no expectations here") : ExpectFormAsync(ctx));
    }

    private static async Task ExpectFormAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        if (!HttpMethods.IsPost(ctx.Request.Method) || body != FormBody)
        {
            await Status(ctx, 400, $"expected POST with the form body, got {ctx.Request.Method} with {body.Length} bytes").ConfigureAwait(false);
            return;
        }

        await Text(ctx, $"received the form ({body.Length} bytes)").ConfigureAwait(false);
    }

    /// <summary>The seed's 304 example: Last-Modified from the file, 304 when If-Modified-Since is not older than it.</summary>
    private static Task FilePage(HttpContext ctx, ModifiedFile file)
    {
        var lastModified = file.LastModified;
        // no-cache: the client may store the page but must revalidate before each use (RFC 9111 5.2.2.4).
        ctx.Response.Headers.CacheControl = "no-cache";
        ctx.Response.GetTypedHeaders().LastModified = lastModified;
        var since = ctx.Request.GetTypedHeaders().IfModifiedSince;
        if (since is { } s && s >= lastModified)
        {
            ctx.Response.StatusCode = 304;
            return Task.CompletedTask;
        }

        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.SendFileAsync(file.Path);
    }

    internal static Task Status(HttpContext ctx, int status, string? body, string? location = null)
    {
        ctx.Response.StatusCode = status;
        if (location is not null)
        {
            ctx.Response.Headers.Location = location;
        }

        return body is null ? Task.CompletedTask : ctx.Response.WriteAsync(body);
    }

    private static Task Text(HttpContext ctx, string body)
    {
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        return ctx.Response.WriteAsync(body);
    }
}
