namespace ClientSemantics.Redirects;

/// <summary>What a 3xx asks of the client, as <see cref="RedirectDecider"/> reads it.</summary>
internal enum RedirectAction
{
    /// <summary>Not a redirect status: nothing to decide.</summary>
    None,

    /// <summary>A redirect the client does not follow: the 3xx goes back to the caller.</summary>
    Stop,

    /// <summary>Send the request again to <see cref="RedirectDecision.Target"/>.</summary>
    Follow,
}

/// <summary>The outcome of one redirect decision; <see cref="Reason"/> is a sentence for the trace.</summary>
internal readonly record struct RedirectDecision(
    RedirectAction Action,
    string Reason,
    Uri? Target = null,
    HttpMethod? Method = null,
    bool DropBody = false,
    bool StripCredentials = false,
    bool Permanent = false)
{
    public static RedirectDecision None { get; } = new(RedirectAction.None, "not a redirect");

    public static RedirectDecision Stop(string reason) => new(RedirectAction.Stop, reason);
}

/// <summary>Everything the decider looks at for one 3xx.</summary>
internal readonly record struct RedirectInput(
    int StatusCode,
    HttpMethod Method,
    string? Location,
    Uri CurrentUri,
    bool HasBody,
    bool BodyRereadable);
