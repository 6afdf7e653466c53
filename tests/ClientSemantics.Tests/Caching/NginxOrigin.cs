using ClientSemantics.Tests.Infrastructure;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClientSemantics.Tests.Caching;

/// <summary>
/// Debian's nginx serving a folder of static files on a free loopback port, with its own prefix, config, pid and
/// logs. Static files get nginx's own ETag and Last-Modified; the access log records status and validators, so a
/// test can see what crossed the wire. Fails loudly, never skips, when nginx is missing (scripts/test.sh installs it).
/// </summary>
internal sealed class NginxOrigin : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    private NginxOrigin(Process process, string prefix, Uri baseUri)
    {
        _process = process;
        _prefix = prefix;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Root => Path.Combine(_prefix, "html");

    /// <summary>One line per request: "status|if-none-match|if-modified-since|path".</summary>
    public IReadOnlyList<string[]> AccessLog =>
        File.Exists(Path.Combine(_prefix, "access.log"))
            ? File.ReadAllLines(Path.Combine(_prefix, "access.log")).Select(l => l.Split('|')).ToArray()
            : [];

    /// <summary>
    /// The access log once every earlier request is in it: nginx writes a line after the response is sent, so a
    /// marker request made last (over its own connection) is waited for, then left out.
    /// </summary>
    public async Task<IReadOnlyList<string[]>> SettledAccessLogAsync()
    {
        using var plain = new HttpClient();
        using var _ = await plain.GetAsync(new Uri(BaseUri, "__settled"));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var log = AccessLog;
            if (log.Any(l => l.Length > 3 && l[3] == "/__settled"))
            {
                return log.Where(l => l.Length > 3 && l[3] != "/__settled").ToArray();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("nginx did not log the marker request within 5 s.");
    }

    public static async Task<NginxOrigin> StartAsync(string extraLocationConfig = "")
    {
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : throw new InvalidOperationException(
            "nginx is not installed: run scripts/test.sh, which installs Debian's nginx.");
        var prefix = Directory.CreateTempSubdirectory("cs-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(prefix, "html"));
        var port = LoopbackServerProcess.FreePort();
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            user root;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 64; }
            http {
              access_log off;
              log_format validators escape=none '$status|$http_if_none_match|$http_if_modified_since|$uri';
              client_body_temp_path {{prefix}}/tmp;
              proxy_temp_path {{prefix}}/tmp;
              fastcgi_temp_path {{prefix}}/tmp;
              uwsgi_temp_path {{prefix}}/tmp;
              scgi_temp_path {{prefix}}/tmp;
              server {
                listen 127.0.0.1:{{port}};
                root {{prefix}}/html;
                access_log {{prefix}}/access.log validators;
                location / { {{extraLocationConfig}} }
              }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(nginx, ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-e", Path.Combine(prefix, "error.log")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        var origin = new NginxOrigin(process, prefix, new Uri($"http://127.0.0.1:{port}/"));
        await origin.WaitUntilListeningAsync(port);
        return origin;
    }

    public async ValueTask DisposeAsync() => await LoopbackServerProcess.StopAsync(_process, _prefix);

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                var log = File.Exists(Path.Combine(_prefix, "error.log")) ? File.ReadAllText(Path.Combine(_prefix, "error.log")) : string.Empty;
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {log}");
            }

            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not listen within 10 s.");
    }

}
