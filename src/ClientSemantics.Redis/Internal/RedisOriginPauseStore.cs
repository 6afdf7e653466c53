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
internal sealed class RedisOriginPauseStore : IOriginPauseStore
{
    // Of two pauses the later wins (RFC 9110 10.2.3 asks for at least the delay given), atomically across instances.
    private static readonly LuaScript Later = LuaScript.Prepare(
        "local cur = tonumber(redis.call('GET', @key)) " +
        "if cur == nil or cur < tonumber(@at) then redis.call('SET', @key, @at, 'PX', @ttl) return 1 end return 0");

    private readonly ConcurrentDictionary<string, DateTimeOffset> _local = new(StringComparer.Ordinal);

    // Redis keys known to hold no pause, until when: a request to a healthy origin need not ask Redis every time.
    // A pause set by any instance is announced (pub/sub) and drops the marker; LocalTtl bounds it otherwise.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _noPauseUntil = new(StringComparer.Ordinal);
    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RedisOriginPauseStore(RedisConnection redis, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
        redis.Invalidated += key => _noPauseUntil.TryRemove(key, out _);
        redis.Reconnected += _noPauseUntil.Clear;
    }

    public async ValueTask<DateTimeOffset?> GetResumeAtAsync(string origin, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_local.TryGetValue(origin, out var local))
        {
            if (local > now)
            {
                return local;
            }

            _local.TryRemove(new KeyValuePair<string, DateTimeOffset>(origin, local));
        }

        var key = _redis.Keys.Pause(origin);
        if (_noPauseUntil.TryGetValue(key, out var until) && now < until)
        {
            return null;
        }

        var reply = await _redis.RunAsync(db => db.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        if (!reply.Ok)
        {
            return null;
        }

        if (reply.Value.IsNull)
        {
            if (_noPauseUntil.Count > 10_000)
            {
                _noPauseUntil.Clear(); // a bound, not an LRU: markers are cheap to rebuild.
            }

            _noPauseUntil[key] = now + _redis.Options.LocalTtl;
            return null;
        }

        if (!long.TryParse((string?)reply.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            RedisLog.CorruptEntry(_logger, _redis.ClientName, "pause");
            await _redis.RunAsync(db => db.KeyDeleteAsync(key), cancellationToken).ConfigureAwait(false);
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
        var ttl = resumeAt - _time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        var key = (RedisKey)_redis.Keys.Pause(origin);
        _noPauseUntil.TryRemove(key!, out _);
        var at = resumeAt.ToUnixTimeMilliseconds();

        // Capped so that a far-future Retry-After cannot overflow Redis's expiry arithmetic.
        var ttlMs = (long)Math.Ceiling(Math.Min(ttl.TotalMilliseconds, TimeSpan.FromDays(365).TotalMilliseconds));
        await _redis.RunAsync(db => Later.EvaluateAsync(db, new { key, at, ttl = ttlMs }), cancellationToken).ConfigureAwait(false);
        await _redis.PublishAsync(key!, cancellationToken).ConfigureAwait(false);
    }

    private void Keep(string origin, DateTimeOffset resumeAt) =>
        _local.AddOrUpdate(origin, resumeAt, (_, existing) => existing > resumeAt ? existing : resumeAt);
}
