using System.Net;
using System.Net.Sockets;
using ClientSemantics;
using Microsoft.Extensions.DependencyInjection;

namespace ConsoleClient.Get;

/// <summary>Sends one request through <c>AddStatusSemantics()</c> and prints it; every failure is one line on stderr, never a stack trace.</summary>
internal static class GetRunner
{
    private const string ClientName = "get";

    public static async Task<int> RunAsync(GetInput input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Uri? target = null;
        try
        {
            target = input.Target;
            using var request = input.CreateRequest();
            if (input.NoRedirects)
            {
                request.DisableRedirects();
            }

            if (input.NoCache)
            {
                request.BypassCache();
            }

            await using var services = BuildServices(input);
            var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
            client.Timeout = input.Timeout;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await ResponsePrinter.PrintAsync(response, output, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"error: no response from {target?.Authority} within {input.Timeout.TotalSeconds:0.#} s").ConfigureAwait(false);
            return 1;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: {target?.Authority}: {Describe(e)}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever else went wrong (a pause the origin asked for, a bad option), one line, as promised.
            await error.WriteLineAsync($"error: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return 1;
        }
    }

    private static ServiceProvider BuildServices(GetInput input)
    {
        var credentials = input.Credentials;
        var proxyCredentials = input.ProxyCredentials;
        var proxy = input.ProxyUri;
        var services = new ServiceCollection();
        var builder = services.AddHttpClient(ClientName).AddStatusSemantics(options =>
        {
            options.Authentication.Credentials = credentials;
            options.Authentication.ProxyCredentials = proxyCredentials;
        });
        if (proxy is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { Proxy = new WebProxy(proxy), UseProxy = true });
        }

        return services.BuildServiceProvider();
    }

    /// <summary>"connection refused (127.0.0.1:9)", "no such host", ...: the innermost message says it best.</summary>
    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        SocketException socket => $"{socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData => "no such host",
            SocketError.TimedOut => "connection timed out",
            _ => socket.Message,
        }}",
        { } inner when e.HttpRequestError == HttpRequestError.SecureConnectionError => $"TLS failed: {inner.Message}",
        _ => e.Message,
    };
}
