namespace ClientSemantics.Redirects;

/// <summary>Turns the request into the next hop, in place, as dotnet/runtime does, so the final response's RequestMessage is the final request.</summary>
internal static class RedirectHop
{
    // Headers that carry credentials for one origin; undici strips the same three. A caller may set them by hand.
    private static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization", "Cookie"];

    public static void Apply(HttpRequestMessage request, in RedirectDecision decision, Uri target)
    {
        if (decision.StripCredentials)
        {
            StripCredentials(request);
        }

        if (decision.DropBody)
        {
            // The Content-* headers live on the content, so they go with it.
            request.Content = null;
        }

        request.Method = decision.Method ?? request.Method;
        request.RequestUri = target;
    }

    /// <summary>Removes the credential headers and returns them, so a hop that turns out to be wrong can put them back.</summary>
    public static List<KeyValuePair<string, string[]>> StripCredentials(HttpRequestMessage request)
    {
        var removed = new List<KeyValuePair<string, string[]>>();
        foreach (var name in CredentialHeaders)
        {
            if (request.Headers.NonValidated.TryGetValues(name, out var values))
            {
                removed.Add(new(name, values.ToArray()));
                request.Headers.Remove(name);
            }
        }

        return removed;
    }

    public static void Restore(HttpRequestMessage request, List<KeyValuePair<string, string[]>> removed)
    {
        foreach (var (name, values) in removed)
        {
            request.Headers.TryAddWithoutValidation(name, values);
        }
    }
}
