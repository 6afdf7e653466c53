using System.Runtime.CompilerServices;
using ClientSemantics.Diagnostics;

namespace ClientSemantics.Caching;

/// <summary>The network side: conditional requests, 304 merging, stale-if-error and storing.</summary>
internal sealed partial class CacheHandler
{
    /// <summary>
    /// Sends the request on. When <paramref name="flight"/> is this caller's it is ended here, whatever happens, with
    /// what was stored: one state machine for the whole forward (the caller's loop needs none on this path). A caller
    /// that ends its flight itself (the background revalidation) gets the stored or validated entry in storedOut.
    /// </summary>
    private Task<HttpResponseMessage> ForwardAsync(
        HttpRequestMessage request, string key, in RequestDirectives directives, CachedResponse? entry, in CacheDecision decision,
        RequestCoalescer.Flight? flight, StrongBox<CachedResponse?>? storedOut, CancellationToken cancellationToken)
    {
        // Everything the decision and the directives are needed for is worked out here, so that the state machine
        // that waits for the origin keeps four words instead of two structs (it is allocated on every forward).
        var validating = entry is not null && decision.Action == CacheAction.Validate;
        var fwd = entry is null ? "miss" : decision.Age < entry.Facts.FreshnessLifetime(context.Options) && !entry.Facts.NoCache ? "request" : "stale";
        return ForwardAsync(request, key, directives.NoStore, entry, validating, fwd, flight, storedOut, cancellationToken);
    }

    private async Task<HttpResponseMessage> ForwardAsync(
        HttpRequestMessage request, string key, bool requestNoStore, CachedResponse? entry, bool validating, string fwd,
        RequestCoalescer.Flight? flight, StrongBox<CachedResponse?>? storedOut, CancellationToken cancellationToken)
    {
        CachedResponse? stored = null;
        bool? storable = null;
        try
        {
            if (validating)
            {
                // RFC 9111 4.3.1: send every validator we have; the origin picks (ETag first, RFC 9110 13.2.2).
                AddValidators(request, entry!.Facts);
            }

            var requestTime = context.Time.GetUtcNow();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                response.RequestMessage ??= request; // the trace, and the caller, find the call's request on it
            }
            catch (HttpRequestException) when (entry is not null && CacheDecider.CanServeStaleOnError(entry.Facts, context.Time.GetUtcNow(), context.Options))
            {
                return StaleOnError(request, entry, null);
            }
            finally
            {
                if (validating)
                {
                    // The same request object may be re-sent by a handler above (a redirect): our validators belong to this URI only.
                    request.Headers.Remove("If-None-Match");
                    request.Headers.Remove("If-Modified-Since");
                }
            }

            var responseTime = context.Time.GetUtcNow();
            var status = (int)response.StatusCode;
            if (validating && status == 304 && !NotModifiedIdentifies(entry!, response))
            {
                // RFC 9111 4.3.4: this 304 names another representation and must not freshen ours, which the origin
                // therefore did not confirm. The caller asked for a full response: ask again, without validators.
                Record(request, 304, "mismatch", "The origin answered 304 with validators that do not match the stored response (RFC 9111 4.3.4): the request is repeated without validators.", responseTime);
                response.Dispose();
                validating = false;
                requestTime = context.Time.GetUtcNow();
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                response.RequestMessage ??= request;
                responseTime = context.Time.GetUtcNow();
                status = (int)response.StatusCode;
            }

            if (validating && status == 304)
            {
                // RFC 9111 4.3.4: the 304 freshens the stored response; the caller gets the stored response, updated.
                storable = true;
                var updated = CachedResponseMapper.Merge(entry!, response, requestTime, responseTime);
                response.Dispose();
                await context.Store.SetAsync(key, updated, cancellationToken).ConfigureAwait(false);
                Count("revalidated");
                Record(request, 304, "revalidated", "The origin answered 304 Not Modified: the stored response is current and its headers were updated.");
                stored = updated;
                return CachedResponseMapper.ToResponse(updated, request, CacheStatus.Forwarded(fwd, 304, stored: true), null);
            }

            if (status is >= 500 and <= 504 && entry is not null && CacheDecider.CanServeStaleOnError(entry.Facts, responseTime, context.Options))
            {
                response.Dispose();
                return StaleOnError(request, entry, status);
            }

            var whyNot = CacheStorability.WhyNotStorable(request, requestNoStore ? RequestDirectives.NoStoreOnly : RequestDirectives.None, response, context.Options);
            storable = whyNot is null;
            if (whyNot is not null)
            {
                Count("miss");
                Record(request, status, "miss", whyNot, responseTime);
                response.Headers.TryAddWithoutValidation(CacheStatus.HeaderName, entry is null ? CacheStatus.Miss : CacheStatus.Forwarded(fwd, status, stored: false));
                return response;
            }

            (response, stored) = await StoreAsync(request, key, response, requestTime, responseTime, fwd, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            if (storedOut is not null)
            {
                storedOut.Value = stored;
            }

            if (flight is not null)
            {
                context.Coalescer.Complete(key, flight, stored, notStorable: storable == false);
            }
            else if (storable == true)
            {
                context.Coalescer.Storable(key);
            }
        }
    }

    private async Task<(HttpResponseMessage Response, CachedResponse? Stored)> StoreAsync(
        HttpRequestMessage request, string key, HttpResponseMessage response, DateTimeOffset requestTime, DateTimeOffset responseTime, string fwd, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var variantKey = CacheKeys.Variant(request, [.. response.Headers.Vary], context.CredentialHashKey);
        Count(fwd == "miss" ? "miss" : "refreshed");
        if (response.Content.Headers.ContentLength is long length && length <= context.Options.MaxEntryBytes)
        {
            // A known, small enough body is read now, so that coalesced waiters can share it at once. A body the
            // origin cuts short throws here and nothing is stored; so does a cancelled caller.
            CachedResponse entry;
            using (response)
            {
                var body = await ReadBodyAsync(response.Content, length, cancellationToken).ConfigureAwait(false);
                entry = CachedResponseMapper.ToEntry(response, body, requestTime, responseTime, variantKey);
            }

            await context.Store.SetAsync(key, entry, cancellationToken).ConfigureAwait(false);
            Record(request, status, "store", "The response is storable and was stored.");
            LogStored(request, status, entry.Body.Length);
            var cacheStatus = fwd == "miss" ? CacheStatus.MissStored : CacheStatus.Forwarded(fwd, status, stored: true);
            return (CachedResponseMapper.ToResponse(entry, request, cacheStatus, null), entry);
        }

        // Unknown or large length: stream through, keep a bounded copy, store it only if the caller reads it all.
        var template = CachedResponseMapper.ToEntry(response, ReadOnlyMemory<byte>.Empty, requestTime, responseTime, variantKey);
        response.Content = new CapturingContent(response.Content, context.Options.MaxEntryBytes, async body =>
        {
            await context.Store.SetAsync(key, CachedResponseMapper.WithBody(template, body), CancellationToken.None).ConfigureAwait(false);
            LogStored(request, status, body.Length);
        });
        Record(request, status, "store", "The response is storable: it streams through and is stored once read to its end within the size limit.");
        response.Headers.TryAddWithoutValidation(CacheStatus.HeaderName, fwd == "miss" ? CacheStatus.Miss : CacheStatus.Forwarded(fwd, status, stored: false));
        return (response, null);
    }

    /// <summary>
    /// Reads a body of known length straight into an array of that size: the entry keeps that array, so the body is
    /// copied once, not buffered and copied again (ReadAsByteArrayAsync's way), which for a large body is a second
    /// large-object allocation on every store. A body that ends early throws, and nothing is stored.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContent content, long length, CancellationToken cancellationToken)
    {
        var body = length == 0 ? [] : new byte[length];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            if (await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
            {
                // The framing promised Content-Length bytes; anything more is not the response the headers describe.
                throw new HttpRequestException($"The response body is longer than its Content-Length ({length}).");
            }
        }

        return body;
    }

    private HttpResponseMessage StaleOnError(HttpRequestMessage request, CachedResponse entry, int? status)
    {
        Count("stale-if-error");
        Record(request, status, "hit", "The origin failed and the stored response is within stale-if-error.");
        return CachedResponseMapper.ToResponse(entry, request, CacheStatus.StaleOnError(status), entry.Facts.CurrentAge(context.Time.GetUtcNow()));
    }

    private static bool NotModifiedIdentifies(CachedResponse entry, HttpResponseMessage notModified)
    {
        var headers = notModified.Headers.NonValidated;
        var etag = headers.TryGetValues("ETag", out var e) ? e.ToString() : null;
        var lastModified = headers.TryGetValues("Last-Modified", out var l) ? l.ToString()
            : notModified.Content.Headers.NonValidated.TryGetValues("Last-Modified", out var cl) ? cl.ToString() : null;
        return NotModifiedMatch.Identifies(entry.Facts.ETag, entry.Facts.LastModified, etag, lastModified);
    }

    private static void AddValidators(HttpRequestMessage request, CacheEntryFacts facts)
    {
        if (facts.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", facts.ETag);
        }

        if (facts.LastModified is not null)
        {
            // RFC 9110 13.1.3: send the stored Last-Modified value as it came, not a local clock's date.
            request.Headers.TryAddWithoutValidation("If-Modified-Since", facts.LastModified);
        }
    }

    private void LogStored(HttpRequestMessage request, int status, int bytes)
    {
        if (context.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Log.CacheStored(context.Logger, status, TraceUri.HostAndPath(request.RequestUri), bytes);
        }
    }
}
