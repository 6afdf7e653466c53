using ClientSemantics;

namespace ConsoleClient.Demo;

/// <summary>
/// One behaviour of the pipeline, shown against the embedded origin, with the outcome it must have: the status the
/// caller sees on every call, and the exchanges the origin answers during the pipeline's run (in order).
/// </summary>
internal sealed record Scenario
{
    /// <summary>The name used by <c>--scenario</c>.</summary>
    public required string Name { get; init; }

    /// <summary>A one-line title.</summary>
    public required string Title { get; init; }

    /// <summary>What the pipeline does here that plain HttpClient does not, with the RFC section.</summary>
    public required string Explanation { get; init; }

    /// <summary>Builds the request for one call, given the origin's base URI (a fresh request per call).</summary>
    public required Func<Uri, HttpRequestMessage> Request { get; init; }

    /// <summary>How many times the request is sent (2 shows what the client remembered from the first call).</summary>
    public int Calls { get; init; } = 1;

    /// <summary>The status the caller must see on every call through the pipeline.</summary>
    public required int ExpectedStatus { get; init; }

    /// <summary>The exchanges ("METHOD /path STATUS") the origin must answer during the pipeline's run, in order.</summary>
    public required IReadOnlyList<string> ExpectedExchanges { get; init; }

    /// <summary>The shortest the pipeline's run may take (a Retry-After that is really honoured takes its time).</summary>
    public TimeSpan MinimumDuration { get; init; }

    /// <summary>Options of the pipeline for this scenario (credentials, say); the defaults otherwise.</summary>
    public Action<StatusSemanticsOptions>? Configure { get; init; }
}
