using ClientSemantics.Tests.Infrastructure;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClientSemantics.Tests.Authentication;

/// <summary>
/// Debian's squid on 127.0.0.1 with basic proxy authentication (basic_ncsa_auth over an htpasswd file), its own
/// config, pid file and logs in a temp dir, run in the foreground (<c>squid -N</c>) as a child process and killed on
/// dispose. Fails loudly, never skips, when squid or htpasswd is missing (scripts/test.sh installs them).
/// </summary>
internal sealed class SquidProxy : IAsyncDisposable
{
    private const string Helper = "/usr/lib/squid/basic_ncsa_auth";
    private readonly Process _process;
    private readonly string _dir;

    private SquidProxy(Process process, string dir, Uri uri)
    {
        _process = process;
        _dir = dir;
        Uri = uri;
    }

    public Uri Uri { get; }

    /// <summary>Squid's access log: one line per request, with the authenticated user name.</summary>
    public string AccessLog => File.Exists(Path.Combine(_dir, "access.log")) ? File.ReadAllText(Path.Combine(_dir, "access.log")) : string.Empty;

    public static async Task<SquidProxy> StartAsync(string user, string password, int tlsPort)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The squid tests run on Debian (scripts/test.sh installs squid).");
        }

        var squid = new[] { "/usr/sbin/squid", "/usr/bin/squid" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("squid is not installed: run scripts/test.sh (apt-get install squid apache2-utils).");
        if (!File.Exists(Helper))
        {
            throw new InvalidOperationException($"{Helper} is missing: install Debian's squid package.");
        }

        var dir = Directory.CreateTempSubdirectory("squid-test-").FullName;
        // Squid drops to cache_effective_user (proxy) after reading its config: its logs and the password file must be open to it.
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        await RunAsync("htpasswd", "-b", "-c", Path.Combine(dir, "passwd"), user, password);
        File.SetUnixFileMode(Path.Combine(dir, "passwd"), (UnixFileMode)0b110_100_100);
        var port = LoopbackServerProcess.FreePort();
        await File.WriteAllTextAsync(Path.Combine(dir, "squid.conf"), $"""
            http_port 127.0.0.1:{port}
            pid_filename {dir}/squid.pid
            access_log stdio:{dir}/access.log
            cache_log {dir}/cache.log
            cache_store_log none
            coredump_dir {dir}
            cache deny all
            cache_mem 8 MB
            cache_effective_user proxy
            visible_hostname squid-test
            shutdown_lifetime 0 seconds
            auth_param basic program {Helper} {dir}/passwd
            auth_param basic realm squid-test
            acl authed proxy_auth REQUIRED
            acl SSL_ports port {tlsPort}
            acl CONNECT method CONNECT
            http_access deny CONNECT !SSL_ports
            http_access allow authed
            http_access deny all
            """);
        var process = Process.Start(new ProcessStartInfo(squid, ["-N", "-f", Path.Combine(dir, "squid.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var proxy = new SquidProxy(process, dir, new Uri($"http://127.0.0.1:{port}/"));
        await proxy.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        return proxy;
    }

    public async ValueTask DisposeAsync() => await LoopbackServerProcess.StopAsync(_process, _dir);

    private async Task WaitUntilListeningAsync(int port, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"squid exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {CacheLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"squid did not listen on 127.0.0.1:{port} within {limit}: {CacheLog()}");
            }
        }
    }

    private string CacheLog() => File.Exists(Path.Combine(_dir, "cache.log")) ? File.ReadAllText(Path.Combine(_dir, "cache.log")) : "(no cache.log)";


    private static async Task RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"could not start {file}: install apache2-utils.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }
}
