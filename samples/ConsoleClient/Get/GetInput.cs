using System.Net;
using System.Net.Http.Headers;

namespace ConsoleClient.Get;

/// <summary>The <c>get</c> command's arguments, and their checks; a check that fails throws <see cref="UsageException"/>.</summary>
internal sealed record GetInput(
    string Url,
    string? Method,
    string? Data,
    IReadOnlyList<string> Headers,
    string? User,
    string? Proxy,
    string? ProxyUser,
    bool NoCache,
    bool NoRedirects,
    TimeSpan Timeout)
{
    public Uri Target => HttpUri(Url, "URL");

    public Uri? ProxyUri => Proxy is null ? null : HttpUri(Proxy, "--proxy");

    public NetworkCredential? Credentials => Credential(User, "-u");

    public NetworkCredential? ProxyCredentials => Credential(ProxyUser, "--proxy-user");

    /// <summary>The request, as curl would send it: GET, or POST when there is a body.</summary>
    public HttpRequestMessage CreateRequest()
    {
        var method = new HttpMethod((Method ?? (Data is null ? "GET" : "POST")).ToUpperInvariant());
        var request = new HttpRequestMessage(method, Target);
        if (Data is not null)
        {
            var body = Data.StartsWith('@') ? ReadFile(Data[1..]) : System.Text.Encoding.UTF8.GetBytes(Data);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        foreach (var header in Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new UsageException($"-H '{header}' is not 'Name: value'");
            }

            var (name, value) = (header[..colon].Trim(), header[(colon + 1)..].Trim());
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                // Content-Type and the other content headers live on the body.
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                if (!request.Content.Headers.TryAddWithoutValidation(name, value))
                {
                    throw new UsageException($"-H '{header}' is not a header that can be sent");
                }
            }
        }

        return request;
    }

    private static Uri HttpUri(string text, string what) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{what} '{text}' is not an absolute http:// or https:// URL");

    private static NetworkCredential? Credential(string? text, string what)
    {
        if (text is null)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? new NetworkCredential(text[..colon], text[(colon + 1)..])
            : throw new UsageException($"{what} needs user:password");
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"-d @{path}: {e.Message}");
        }
    }
}

/// <summary>A mistake in the command line, reported as one line with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
