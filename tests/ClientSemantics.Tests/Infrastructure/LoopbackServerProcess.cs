using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClientSemantics.Tests.Infrastructure;

/// <summary>What the fixtures that run a Debian server (squid, nginx, redis-server) as a child process share.</summary>
internal static class LoopbackServerProcess
{
    /// <summary>A loopback port that was free a moment ago (the OS picks it; the server binds it next).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the server and its helpers, then removes its working folder.</summary>
    public static async Task StopAsync(Process process, string? folder)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (folder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A helper may still hold a log open for a moment; the temp folder is the system's to clean.
        }
    }
}
