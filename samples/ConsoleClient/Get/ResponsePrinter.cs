using System.Globalization;
using ClientSemantics;

namespace ConsoleClient.Get;

/// <summary>Prints a response the way curl -i does (status line, headers, body), then the pipeline's trace.</summary>
internal static class ResponsePrinter
{
    /// <summary>Text bodies up to this size are printed; beyond it, and for binary bodies, only the size.</summary>
    private const int MaxPrintedBytes = 64 * 1024;

    public static async Task PrintAsync(HttpResponseMessage response, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"HTTP/{response.Version} {(int)response.StatusCode} {response.ReasonPhrase}").ConfigureAwait(false);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            await output.WriteLineAsync($"{name}: {string.Join(", ", values)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        var (head, total) = await ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (total == 0)
        {
            await output.WriteLineAsync("[no body]").ConfigureAwait(false);
        }
        else if (total > MaxPrintedBytes || !IsText(response.Content, head))
        {
            await output.WriteLineAsync($"[{total.ToString(CultureInfo.InvariantCulture)} bytes of {response.Content.Headers.ContentType?.MediaType ?? "unknown type"}, not printed]").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(head).TrimEnd()).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("trace:").ConfigureAwait(false);
        foreach (var entry in response.GetStatusSemanticsTrace()?.Entries ?? [])
        {
            await output.WriteLineAsync($"  {entry}").ConfigureAwait(false);
        }
    }

    /// <summary>Keeps the first bytes and counts the rest, so a large download is measured without being held.</summary>
    private static async Task<(byte[] Head, long Total)> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var head = new MemoryStream();
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (head.Length < MaxPrintedBytes + 1)
            {
                head.Write(buffer, 0, read);
            }

            total += read;
        }

        return (head.ToArray(), total);
    }

    private static bool IsText(HttpContent content, byte[] head)
    {
        var type = content.Headers.ContentType?.MediaType;
        if (type is null)
        {
            return Array.IndexOf(head, (byte)0) < 0;
        }

        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
            || type.Contains("javascript", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }
}
