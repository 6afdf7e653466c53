using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ClientSemantics.Redis;

/// <summary>
/// Retry-After pauses in Redis, one key per origin (hashed) holding the resume time in Unix milliseconds and
/// expiring with it, so a 503 seen by one instance pauses every instance. A pause is also kept locally: while it
/// runs no Redis call is made, and when Redis is unavailable the instance still keeps the pauses it saw itself.
/// </summary>
internal sealed class RedisOriginPauseStore(RedisConnection redis, TimeProvider time, ILogger logger) : IOriginPauseStore
{
    // Of two pauses the later wins (RFC 9110 10.2.3 asks for at least the delay given), atomically across instances.
    private static readonly LuaScript Later = LuaScript.Prepare(
        "local cur = tonumber(redis.call('GET', @key)) " +
        "if cur == nil or cur < tonumber(@at) then redis.call('SET', @key, @at, 'PX', @ttl) return 1 end return 0");

    private readonly ConcurrentDictionary<string, DateTimeOffset> _local = new(StringComparer.Ordinal);

    public async ValueTask<DateTimeOffset?> GetResumeAtAsync(string origin, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_local.TryGetValue(origin, out var local))
        {
            if (local > now)
            {
                return local;
            }

            _local.TryRemove(new KeyValuePair<string, DateTimeOffset>(origin, local));
        }

        var key = redis.Keys.Pause(origin);
        var reply = await redis.RunAsync(db => db.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        if (!reply.Ok || reply.Value.IsNull)
        {
            return null;
        }

        if (!long.TryParse((string?)reply.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            RedisLog.CorruptEntry(logger, redis.ClientName, "pause");
            await redis.RunAsync(db => db.KeyDeleteAsync(key), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var resumeAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if (resumeAt <= now)
        {
            return null;
        }

        Keep(origin, resumeAt);
        return resumeAt;
    }

    public async ValueTask PauseUntilAsync(string origin, DateTimeOffset resumeAt, CancellationToken cancellationToken)
    {
        Keep(origin, resumeAt);
        var ttl = resumeAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        var key = (RedisKey)redis.Keys.Pause(origin);
        var at = resumeAt.ToUnixTimeMilliseconds();
        // Capped so that a far-future Retry-After cannot overflow Redis's expiry arithmetic.
        var ttlMs = (long)Math.Ceiling(Math.Min(ttl.TotalMilliseconds, TimeSpan.FromDays(365).TotalMilliseconds));
        await redis.RunAsync(db => Later.EvaluateAsync(db, new { key, at, ttl = ttlMs }), cancellationToken).ConfigureAwait(false);
    }

    private void Keep(string origin, DateTimeOffset resumeAt) =>
        _local.AddOrUpdate(origin, resumeAt, (_, existing) => existing > resumeAt ? existing : resumeAt);
}
