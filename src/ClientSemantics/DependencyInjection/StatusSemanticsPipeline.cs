using ClientSemantics.Authentication;
using ClientSemantics.Caching;
using ClientSemantics.Diagnostics;
using ClientSemantics.Redirects;
using ClientSemantics.RetryAfter;
using ClientSemantics.Recovery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ClientSemantics.DependencyInjection;

/// <summary>
/// The one place where the order of the pipeline is declared. Outermost first; a test asserts this order.
/// Invariants: a fresh cache hit never waits on a backoff and never touches the network; each redirect hop
/// authenticates for its own origin; credentials never cross an origin; a body is re-sent only if it can be re-read.
/// </summary>
internal static class StatusSemanticsPipeline
{
    private static readonly object Marker = new();

    public static string RequireName(IHttpClientBuilder builder) =>
        builder.Name ?? throw new NotSupportedException(
            "AddStatusSemantics needs a named client: call it on services.AddHttpClient(\"name\"), not inside ConfigureHttpClientDefaults, " +
            "because its cache, redirect memory and backoff state are kept per client name.");

    public static void Add(IHttpClientBuilder builder, string name)
    {
        var services = builder.Services;
        if (services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, name) && d.ServiceType == typeof(PipelineMarker)))
        {
            throw new InvalidOperationException($"AddStatusSemantics was called twice for client '{name}': configure its options in one call.");
        }

        services.AddKeyedSingleton(name, new PipelineMarker());
        AddSharedServices(services);
        services.AddOptions<StatusSemanticsOptions>(name).ValidateOnStart();
        PrimaryHandlerConfigurator.Add(services, name);

        RedirectServices.Add(services, name);
        CacheServices.Add(services, name);
        AuthenticationServices.Add(services, name);
        RetryAfterServices.Add(services, name);
        RecoveryServices.Add(services, name);

        // 1. Trace: outermost, so that it sees the call once and every later step writes into one trace.
        builder.AddHttpMessageHandler(sp => new TraceHandler(sp.GetRequiredService<TimeProvider>()));
        // 2. Redirects: above the cache, so that every hop is looked up and stored under its own URI, and above
        //    authentication, so that each hop authenticates for its own origin (RFC 9110 15.4).
        builder.AddHttpMessageHandler(sp => RedirectServices.CreateHandler(sp, name));
        // 3. Cache: above backoff and authentication, so that a fresh hit never waits and never touches the network.
        builder.AddHttpMessageHandler(sp => CacheServices.CreateHandler(sp, name));
        // 4. Authentication: above backoff, so that a 503 on the answered request is retried with its credentials.
        builder.AddHttpMessageHandler(sp => AuthenticationServices.CreateHandler(sp, name));
        // 5. Backoff: honours Retry-After and the shared per-origin pause for every request that reaches the network.
        builder.AddHttpMessageHandler(sp => RetryAfterServices.CreateHandler(sp, name));
        // 6. Recovery: innermost, one-time repeats (411, 415, 417, 505) that change how the request is framed on the wire.
        builder.AddHttpMessageHandler(sp => RecoveryServices.CreateHandler(sp, name));
    }

    private static void AddSharedServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<ClientSemanticsMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusSemanticsOptions>, StatusSemanticsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusSemanticsOptions>, StatusSemanticsOptionsRules>());
    }

    /// <summary>Marks a client name that already has the pipeline.</summary>
    private sealed class PipelineMarker;
}
