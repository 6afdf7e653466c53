namespace ClientSemantics.Caching;

/// <summary>
/// A response the cache built from a stored one. When it is the whole answer to a call (a synchronous hit), it carries
/// the call's trace itself, so that the call writes nothing into the request's options.
/// </summary>
internal sealed class CacheHitResponse(System.Net.HttpStatusCode statusCode) : HttpResponseMessage(statusCode)
{
    internal StatusSemanticsTrace? Trace { get; set; }
}
