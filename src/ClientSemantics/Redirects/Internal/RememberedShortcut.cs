namespace ClientSemantics.Redirects;

/// <summary>
/// Remembered redirects applied to a request before it was sent, with what is needed to undo them when the
/// target turns out to be broken: the source URI, the chain's position and any credentials stripped on the way.
/// </summary>
internal sealed class RememberedShortcut(
    Uri source,
    IReadOnlyList<PermanentRedirect> edges,
    (int Visited, int Hops) mark,
    List<KeyValuePair<string, string[]>> strippedCredentials)
{
    public Uri Source { get; } = source;

    public IReadOnlyList<PermanentRedirect> Edges { get; } = edges;

    public void Undo(HttpRequestMessage request, RedirectChain chain)
    {
        request.RequestUri = Source;
        RedirectHop.Restore(request, strippedCredentials);
        chain.Restore(mark);
    }
}
