using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Tests.Redis;

/// <summary>Independent service providers that share one Redis: each stands for one instance of a service.</summary>
internal static class RedisInstances
{
    /// <summary>A key prefix of its own per test, so tests sharing the fixture's server never see each other's keys.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static TestClient Create(
        RedisServer server,
        string prefix,
        Action<RedisStoreOptions>? redis = null,
        Action<StatusSemanticsOptions>? configure = null,
        TimeProvider? time = null) =>
        TestClient.Create(
            configure,
            time,
            configureClient: builder => builder.UseRedis(server.Configuration, o =>
            {
                o.KeyPrefix = prefix;

                // Generous for the first calls of a cold process on a busy 2-core machine; fault tests set their own.
                o.OperationTimeout = TimeSpan.FromSeconds(2);
                redis?.Invoke(o);
            }));
}
