using ClientSemantics.Diagnostics;

namespace ClientSemantics.Caching;

/// <summary>Conditional writes (<see cref="CacheOptions.ConditionalWrites"/>) and what a 412 means to the store.</summary>
internal sealed partial class CacheHandler
{
    /// <summary>Sends a write, with the stored response's validator as a precondition when the option asks for it.</summary>
    private async Task<HttpResponseMessage> SendWriteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var added = context.Options.ConditionalWrites && PreconditionDecider.AppliesTo(request.Method)
            ? await AddPreconditionAsync(request, cancellationToken).ConfigureAwait(false)
            : null;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The same request object may be re-sent by a handler above (a redirect): our precondition belongs to this URI only.
            if (added is not null)
            {
                request.Headers.Remove(added);
            }
        }

        if ((int)response.StatusCode == 412)
        {
            // RFC 9110 15.5.13: the resource changed since our copy. The stored copy is out of date, so the next GET
            // fetches the current state; the write itself is returned as it is (repeating it would fail the same way).
            await context.Store.RemoveAsync(CacheKeys.Primary(request.RequestUri!), cancellationToken).ConfigureAwait(false);
            Count("precondition-failed");
            Record(request, 412, "invalidate", $"A {request.Method.Method} answered 412 Precondition Failed: the stored responses for the URI are out of date and invalidated; the write is not retried.");
        }

        return response;
    }

    private async Task<string?> AddPreconditionAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var entry = Match(request, await context.Store.GetAsync(CacheKeys.Primary(request.RequestUri!), cancellationToken).ConfigureAwait(false));
        var decision = PreconditionDecider.Decide(request.Method, request.Headers, entry?.Facts);
        if (decision.Name is null)
        {
            Record(request, null, "no-precondition", decision.Reason);
            return null;
        }

        request.Headers.TryAddWithoutValidation(decision.Name, decision.Value);
        Count("precondition");
        Record(request, null, "precondition", decision.Reason);
        return decision.Name;
    }
}
