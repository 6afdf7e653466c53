using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClientSemantics.Redis;

/// <summary>
/// Registers the Redis stores of one client. They are keyed singletons under the client name, added with
/// AddKeyedSingleton (not TryAdd): the core registers its in-memory defaults with TryAdd, so the Redis store wins
/// whether UseRedis comes before or after AddStatusSemantics.
/// </summary>
internal static class RedisServices
{
    public static void Add(IServiceCollection services, string name, Func<IServiceProvider, RedisConnection> connection, RedisStoreOptions options)
    {
        services.AddKeyedSingleton(name, (sp, _) => connection(sp));
        if (options.PermanentRedirects)
        {
            services.AddKeyedSingleton<IPermanentRedirectStore>(name, (sp, _) => new RedisPermanentRedirectStore(
                sp.GetRequiredKeyedService<RedisConnection>(name),
                sp.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get(name).Redirects.PermanentRedirectCapacity,
                sp.GetRequiredService<TimeProvider>(),
                Logger(sp)));
        }

        if (options.Cache)
        {
            services.AddKeyedSingleton<IResponseCacheStore>(name, (sp, _) => new RedisResponseCacheStore(
                sp.GetRequiredKeyedService<RedisConnection>(name),
                sp.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>().Get(name).Cache,
                sp.GetRequiredService<TimeProvider>(),
                Logger(sp)));
        }

        if (options.Pause)
        {
            services.AddKeyedSingleton<IOriginPauseStore>(name, (sp, _) => new RedisOriginPauseStore(
                sp.GetRequiredKeyedService<RedisConnection>(name), sp.GetRequiredService<TimeProvider>(), Logger(sp)));
        }
    }

    /// <summary>A connection the library owns, made from a configuration it may adjust for fault tolerance.</summary>
    public static Func<IServiceProvider, RedisConnection> Owned(ConfigurationOptions configuration, string name, RedisStoreOptions options)
    {
        var config = configuration.Clone();

        // Never fail a request because Redis is down: connect in the background, reconnect by itself, and fail
        // commands at once while disconnected instead of queueing them until a timeout.
        config.AbortOnConnectFail = false;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.AsyncTimeout = (int)Math.Ceiling(options.OperationTimeout.TotalMilliseconds);

        // A request waits for the first connection only this long; the connection goes on in the background.
        var connectTimeout = options.OperationTimeout > TimeSpan.FromSeconds(1) ? options.OperationTimeout : TimeSpan.FromSeconds(1);
        return sp => new RedisConnection(
            async () => await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false),
            owned: true, connectTimeout, name, options, sp.GetRequiredService<TimeProvider>(), Logger(sp));
    }

    /// <summary>A connection the application made and owns; it should set AbortOnConnectFail=false itself.</summary>
    public static Func<IServiceProvider, RedisConnection> Shared(Func<IServiceProvider, IConnectionMultiplexer> factory, string name, RedisStoreOptions options) =>
        sp => new RedisConnection(
            () => Task.FromResult(factory(sp)),
            owned: false, TimeSpan.FromSeconds(5), name, options, sp.GetRequiredService<TimeProvider>(), Logger(sp));

    private static ILogger Logger(IServiceProvider sp) => sp.GetRequiredService<ILoggerFactory>().CreateLogger("ClientSemantics.Redis");
}
