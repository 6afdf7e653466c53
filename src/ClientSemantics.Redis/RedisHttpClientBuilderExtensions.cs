using ClientSemantics;
using ClientSemantics.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Moves a client's ClientSemantics stores (response cache, permanent redirects, Retry-After pauses) to Redis, shared by every instance.</summary>
public static class RedisHttpClientBuilderExtensions
{
    /// <summary>Uses Redis at <paramref name="configuration"/> (a StackExchange.Redis configuration string) for every store.</summary>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, string configuration) =>
        builder.UseRedis(configuration, static _ => { });

    /// <summary>Uses Redis at <paramref name="configuration"/> (a StackExchange.Redis configuration string) for the stores chosen in <paramref name="configure"/>.</summary>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, string configuration, Action<RedisStoreOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return builder.UseRedis(ConfigurationOptions.Parse(configuration), configure);
    }

    /// <summary>
    /// Uses Redis as configured by <paramref name="configuration"/> for the stores chosen in <paramref name="configure"/>.
    /// The library connects lazily and owns the connection; it sets AbortOnConnectFail=false, fail-fast backlog and
    /// the async timeout from <see cref="RedisStoreOptions.OperationTimeout"/> on a copy of the configuration.
    /// </summary>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, ConfigurationOptions configuration, Action<RedisStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (name, options) = Prepare(builder, configure);
        RedisServices.Add(builder.Services, name, RedisServices.Owned(configuration, name, options), options);
        return builder;
    }

    /// <summary>
    /// Uses the application's own connection for the stores chosen in <paramref name="configure"/>. The application
    /// owns and disposes it; create it with AbortOnConnectFail=false so that a Redis outage at start-up is not fatal.
    /// </summary>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connectionFactory, Action<RedisStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(connectionFactory);
        var (name, options) = Prepare(builder, configure);
        RedisServices.Add(builder.Services, name, RedisServices.Shared(connectionFactory, name, options), options);
        return builder;
    }

    private static (string Name, RedisStoreOptions Options) Prepare(IHttpClientBuilder builder, Action<RedisStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var name = builder.Name ?? throw new InvalidOperationException("UseRedis needs a named client (AddHttpClient(\"name\")), not ConfigureHttpClientDefaults.");
        var options = new RedisStoreOptions();
        configure(options);
        options.Validate();
        return (name, options);
    }
}
