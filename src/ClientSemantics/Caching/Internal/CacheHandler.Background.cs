using System.Runtime.CompilerServices;
using ClientSemantics.Diagnostics;

namespace ClientSemantics.Caching;

/// <summary>Work the cache does beside the caller's request: invalidation and stale-while-revalidate.</summary>
internal sealed partial class CacheHandler
{
    private async Task<HttpResponseMessage> SendUnsafeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendWriteAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 400)
        {
            return response;
        }

        // RFC 9111 4.4: a non-error response to an unsafe method invalidates the target URI, and the Location and
        // Content-Location URIs when they share its origin (another origin could otherwise evict ours).
        var target = request.RequestUri!;
        await context.Store.RemoveAsync(CacheKeys.Primary(target), cancellationToken).ConfigureAwait(false);
        foreach (var related in new[] { response.Headers.Location, response.Content.Headers.ContentLocation })
        {
            if (related is not null && new Uri(target, related) is var absolute && SameOrigin(target, absolute))
            {
                await context.Store.RemoveAsync(CacheKeys.Primary(absolute), cancellationToken).ConfigureAwait(false);
            }
        }

        Count("invalidated");
        Record(request, status, "invalidate", $"A {request.Method.Method} answered {status}: stored responses for the URI are invalidated.");
        return response;
    }

    /// <summary>RFC 5861 3: answer stale now and revalidate once in the background; a revalidation already in flight is not repeated.</summary>
    private void StartBackgroundRevalidation(HttpRequestMessage request, string key, CachedResponse entry)
    {
        if (!context.Coalescer.TryLead(key, out var flight))
        {
            return;
        }

        var copy = CopyForRevalidation(request);
        _ = Task.Run(async () =>
        {
            var result = new StrongBox<CachedResponse?>();
            try
            {
                var decision = new CacheDecision(entry.Facts.HasValidator ? CacheAction.Validate : CacheAction.Fetch, TimeSpan.Zero, "stale-while-revalidate");
                // The flight ends below, after the body is drained (a streamed body is stored only once read).
                var response = await ForwardAsync(copy, key, RequestDirectives.None, entry, decision, null, result, CancellationToken.None).ConfigureAwait(false);
                using (response)
                {
                    // Drain a streamed body so that it is stored.
                    await response.Content.CopyToAsync(Stream.Null).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                Log.CacheBackgroundRevalidationFailed(context.Logger, TraceUri.HostAndPath(copy.RequestUri), exception);
            }
            finally
            {
                if (flight is not null)
                {
                    context.Coalescer.Complete(key, flight, result.Value);
                }
                copy.Dispose();
            }
        });
    }

    private static HttpRequestMessage CopyForRevalidation(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(HttpMethod.Get, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (TraceRecorder.Get(request) is { } trace)
        {
            copy.Options.Set(TraceRecorder.Key, trace);
        }

        return copy;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
