using ClientSemantics.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ClientSemantics.Redirects;

/// <summary>
/// The I/O side of the permanent-redirect memory: reads and writes the client's <see cref="IPermanentRedirectStore"/>,
/// reads the clock once per step and writes the trace. The rules are in <see cref="PermanentRedirectPolicy"/>.
/// </summary>
internal sealed class PermanentRedirectMemory(IPermanentRedirectStore store, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// False when <see cref="ApplyAsync"/> would surely find nothing: the memory is off, or the default store is empty.
    /// Lets the handler skip the lookup (two URI parses) on the common path. A user's store is always asked.
    /// </summary>
    public bool MayApply(RedirectOptions options) =>
        options.PermanentRedirectCapacity != 0 && store is not InMemoryPermanentRedirectStore { Count: 0 };

    /// <summary>Points the request at the end of its remembered redirects, or returns null when none applies.</summary>
    public async ValueTask<RememberedShortcut?> ApplyAsync(HttpRequestMessage request, RedirectChain chain, RedirectOptions options, CancellationToken cancellationToken)
    {
        if (options.PermanentRedirectCapacity == 0 || request.RequestUri is not { } source)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var edges = new List<PermanentRedirect>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { new PermanentRedirectKey(source).ToString() };
        var current = source;
        while (edges.Count < chain.Remaining)
        {
            var key = new PermanentRedirectKey(current);
            var entry = await store.TryGetAsync(key, cancellationToken).ConfigureAwait(false);
            var use = entry is null ? RememberedUse.NotApplicable : PermanentRedirectPolicy.CanUse(entry, request.Method, now, options);
            if (use == RememberedUse.Expired)
            {
                await store.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            }

            if (use != RememberedUse.Use)
            {
                break;
            }

            edges.Add(entry!);
            if (!seen.Add(new PermanentRedirectKey(entry!.Target).ToString()))
            {
                await ForgetAsync(request, edges, null, "remembered redirects loop back on themselves; the source is asked again.", cancellationToken).ConfigureAwait(false);
                return null;
            }

            current = entry.Target;
        }

        var target = RedirectUris.InheritFragment(current, source);
        var mark = chain.Mark();
        if (edges.Count == 0 || !chain.TryEnter(request.Method, target, out _, edges.Count))
        {
            return null; // nothing remembered, or it would loop with the live chain: the source is asked.
        }

        var last = edges[^1];
        TraceRecorder.Record(
            request,
            StatusSemanticsStage.Redirect,
            last.StatusCode,
            "hit",
            $"{edges.Count} remembered permanent redirect(s) to {TraceUri.WithoutUserInfo(target)}, until {last.ExpiresAt:u}: the source is not asked.");
        Log.PermanentRedirectUsed(logger, TraceUri.HostAndPath(source), TraceUri.HostAndPath(target));

        // RFC 9110 15.4: credentials never cross an origin, whether the hop is live or remembered.
        var stripped = edges.Any(e => !RedirectUris.IsSameOrigin(e.Key.Source, e.Target)) ? RedirectHop.StripCredentials(request) : [];
        request.RequestUri = target;
        return new RememberedShortcut(source, edges, mark, stripped);
    }

    /// <summary>Remembers a followed 301/308 when its Cache-Control and the options allow.</summary>
    public async ValueTask RememberAsync(HttpRequestMessage request, HttpResponseMessage response, Uri target, RedirectOptions options, CancellationToken cancellationToken)
    {
        var source = request.RequestUri!;
        var status = (int)response.StatusCode;
        var until = PermanentRedirectPolicy.RememberUntil(
            status, source, target, response.Headers.CacheControl, response.Headers.Age, time.GetUtcNow(), options, out var reason);
        if (until is not DateTimeOffset expiresAt)
        {
            TraceRecorder.Record(request, StatusSemanticsStage.Redirect, status, "skip", $"Permanent redirect {reason}");
            return;
        }

        await store.SetAsync(new PermanentRedirect(new PermanentRedirectKey(source), target, status, expiresAt), cancellationToken).ConfigureAwait(false);
        TraceRecorder.Record(request, StatusSemanticsStage.Redirect, status, "remember", $"Permanent redirect {reason}");
        Log.PermanentRedirectRemembered(logger, TraceUri.HostAndPath(source), TraceUri.HostAndPath(target), expiresAt);
    }

    /// <summary>Forgets every redirect of a shortcut (or of a remembered loop).</summary>
    public async ValueTask ForgetAsync(HttpRequestMessage request, IReadOnlyList<PermanentRedirect> edges, int? status, string reason, CancellationToken cancellationToken)
    {
        foreach (var edge in edges)
        {
            await store.RemoveAsync(edge.Key, cancellationToken).ConfigureAwait(false);
        }

        TraceRecorder.Record(request, StatusSemanticsStage.Redirect, status, "forget", $"Remembered redirect from {TraceUri.WithoutUserInfo(edges[0].Key.Source)} forgotten: {reason}");
        Log.PermanentRedirectForgotten(logger, TraceUri.HostAndPath(edges[0].Key.Source), reason);
    }
}
