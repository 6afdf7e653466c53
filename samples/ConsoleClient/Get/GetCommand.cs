using System.CommandLine;

namespace ConsoleClient.Get;

/// <summary>
/// <c>get URL [-X METHOD] [-d DATA] [-H 'Name: value'] [-u user:password] [--proxy URL] [--proxy-user user:password]
/// [--no-cache] [--no-redirects] [--timeout SECONDS]</c>: one call through the pipeline, printed curl-like with its trace.
/// </summary>
internal static class GetCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var url = new Argument<string>("URL") { Description = "The absolute http:// or https:// URL to call." };
        var method = new Option<string?>("--request", "-X") { HelpName = "METHOD", Description = "The method (default GET, or POST with --data)." };
        var data = new Option<string?>("--data", "-d") { HelpName = "DATA", Description = "A request body; @FILE reads it from a file. Sent as application/x-www-form-urlencoded unless -H sets Content-Type." };
        var headers = new Option<string[]>("--header", "-H") { HelpName = "'Name: value'", Description = "A request header, 'Name: value' (repeatable).", AllowMultipleArgumentsPerToken = false };
        var user = new Option<string?>("--user", "-u") { HelpName = "user:password", Description = "user:password for the origin's 401 challenges (Basic, Digest)." };
        var proxy = new Option<string?>("--proxy") { HelpName = "URL", Description = "Send through this HTTP proxy, e.g. http://127.0.0.1:3128." };
        var proxyUser = new Option<string?>("--proxy-user") { HelpName = "user:password", Description = "user:password for the proxy's 407 challenges." };
        var noCache = new Option<bool>("--no-cache") { Description = "Send the request past the response cache." };
        var noRedirects = new Option<bool>("--no-redirects") { Description = "Return a 3xx as it is, without following it." };
        var timeout = new Option<double>("--timeout") { HelpName = "SECONDS", Description = "Seconds to wait for the whole call, waits included.", DefaultValueFactory = _ => 30 };
        var command = new Command("get", "Call a URL through the ClientSemantics pipeline and print the status, headers, body and trace.")
        {
            url, method, data, headers, user, proxy, proxyUser, noCache, noRedirects, timeout,
        };
        command.SetAction((parse, ct) =>
        {
            var input = new GetInput(
                parse.GetValue(url)!,
                parse.GetValue(method),
                parse.GetValue(data),
                parse.GetValue(headers) ?? [],
                parse.GetValue(user),
                parse.GetValue(proxy),
                parse.GetValue(proxyUser),
                parse.GetValue(noCache),
                parse.GetValue(noRedirects),
                TimeSpan.FromSeconds(parse.GetValue(timeout)));
            return GetRunner.RunAsync(input, output, error, ct);
        });
        return command;
    }
}
