namespace ClientSemantics.Redirects;

/// <summary>
/// The hops of one call: counts them against the limit and catches loops (the same method and URI twice).
/// Pure bookkeeping, no I/O. A remembered redirect counts as a hop, like a live one.
/// </summary>
internal sealed class RedirectChain
{
    private readonly List<string> _visited = [];

    public RedirectChain(HttpMethod method, Uri start, int limit)
    {
        Limit = limit;
        _visited.Add(Key(method, start));
    }

    public int Limit { get; }

    public int Hops { get; private set; }

    public int Remaining => Limit - Hops;

    /// <summary>Takes <paramref name="hops"/> hops (several for a remembered chain) to <paramref name="target"/>, or says why the chain stops there.</summary>
    public bool TryEnter(HttpMethod method, Uri target, out string? stopReason, int hops = 1)
    {
        if (Hops + hops > Limit)
        {
            stopReason = $"MaxRedirects ({Limit}) reached: the last redirect is returned.";
            return false;
        }

        var key = Key(method, target);
        if (_visited.Contains(key))
        {
            stopReason = $"Redirect loop: {method} {Diagnostics.TraceUri.HostAndPath(target)} was already requested in this call.";
            return false;
        }

        _visited.Add(key);
        Hops += hops;
        stopReason = null;
        return true;
    }

    /// <summary>A point to come back to when a remembered redirect turns out to be broken.</summary>
    public (int Visited, int Hops) Mark() => (_visited.Count, Hops);

    public void Restore((int Visited, int Hops) mark)
    {
        _visited.RemoveRange(mark.Visited, _visited.Count - mark.Visited);
        Hops = mark.Hops;
    }

    // The fragment never reaches the server, so it does not make a request different.
    private static string Key(HttpMethod method, Uri uri) =>
        method.Method + " " + uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
}
