using System.Text;
using Microsoft.AspNetCore.Http;

namespace ConsoleClient.Origin;

/// <summary>The origin's side of Basic (RFC 7617): a 401 with a challenge until the right user and password arrive.</summary>
internal sealed class BasicGate(string user, string password, string realm)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        if (string.Equals(ctx.Request.Headers.Authorization, expected, StringComparison.Ordinal))
        {
            return ctx.Response.WriteAsync($"welcome, {user} (Basic)");
        }

        ctx.Response.Headers.WWWAuthenticate = $"Basic realm=\"{realm}\", charset=\"UTF-8\"";
        return DemoRoutes.Status(ctx, 401, "credentials required");
    }
}
