using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ClientSemantics.Redis;

/// <summary>
/// Permanent redirects in Redis, one string key per source (hashed), expiring with the redirect. Every instance
/// that learns a 301/308 writes it here, so the others go straight to the target. Reads go through the
/// <see cref="LocalLayer{T}"/>; faults fall back to it.
/// </summary>
internal sealed class RedisPermanentRedirectStore : IPermanentRedirectStore
{
    // "Redis has none": most requests are for URIs that never moved, and need not ask Redis every time. Another
    // instance's Set announces itself and drops this marker (pub/sub); LocalTtl bounds it if a message is lost.
    private static readonly PermanentRedirect Absent = new(new PermanentRedirectKey(new Uri("http://absent.invalid/")), new Uri("http://absent.invalid/"), 308, DateTimeOffset.MinValue);

    private readonly RedisConnection _redis;
    private readonly LocalLayer<PermanentRedirect> _local;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RedisPermanentRedirectStore(RedisConnection redis, int capacity, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
        _local = new LocalLayer<PermanentRedirect>(time, redis.Options.LocalTtl, Math.Max(1, capacity), static _ => 1);
        redis.Invalidated += OnInvalidated;
        redis.Reconnected += _local.Clear;
    }

    public async ValueTask<PermanentRedirect?> TryGetAsync(PermanentRedirectKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var redisKey = _redis.Keys.Redirect(key.ToString());
        if (_local.TryGet(redisKey, anyAge: !_redis.Available, out var local))
        {
            return ReferenceEquals(local, Absent) ? null : local;
        }

        var reply = await _redis.RunAsync(db => db.StringGetAsync(redisKey), cancellationToken).ConfigureAwait(false);
        if (!reply.Ok)
        {
            return _local.TryGet(redisKey, anyAge: true, out local) && !ReferenceEquals(local, Absent) ? local : null;
        }

        if (reply.Value.IsNull)
        {
            _local.Set(redisKey, Absent);
            return null;
        }

        if (!RedirectFormat.TryRead((byte[])reply.Value!, key, out var redirect))
        {
            RedisLog.CorruptEntry(_logger, _redis.ClientName, "redirect");
            await RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            return null;
        }

        _local.Set(redisKey, redirect);
        return redirect;
    }

    public async ValueTask SetAsync(PermanentRedirect redirect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        var redisKey = _redis.Keys.Redirect(redirect.Key.ToString());
        var ttl = redirect.ExpiresAt - _time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            await RemoveAsync(redirect.Key, cancellationToken).ConfigureAwait(false);
            return;
        }

        _local.Set(redisKey, redirect);
        var bytes = RedirectFormat.Write(redirect);
        await _redis.RunAsync(db => db.StringSetAsync(redisKey, bytes, ttl), cancellationToken).ConfigureAwait(false);
        await _redis.PublishAsync(redisKey, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(PermanentRedirectKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var redisKey = _redis.Keys.Redirect(key.ToString());
        _local.Remove(redisKey);
        await _redis.RunAsync(db => db.KeyDeleteAsync(redisKey), cancellationToken).ConfigureAwait(false);
        await _redis.PublishAsync(redisKey, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _local.Clear();
        var pattern = _redis.Keys.Pattern(RedisKeys.RedirectKind);
        await _redis.RunAsync(db => DeleteMatchingAsync(db.Multiplexer, pattern), cancellationToken).ConfigureAwait(false);
        await _redis.PublishAsync(pattern, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SCAN (never KEYS, which blocks the server) on every primary, deleting in pages.</summary>
    private static async Task<bool> DeleteMatchingAsync(IConnectionMultiplexer connection, string pattern)
    {
        foreach (var server in connection.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            var page = new List<RedisKey>(256);
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 256).ConfigureAwait(false))
            {
                page.Add(key);
                if (page.Count == 256)
                {
                    await DeleteAsync(connection.GetDatabase(), page).ConfigureAwait(false);
                }
            }

            await DeleteAsync(connection.GetDatabase(), page).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>One DEL per key, pipelined: a multi-key DEL fails across cluster slots.</summary>
    private static async Task DeleteAsync(IDatabase db, List<RedisKey> keys)
    {
        await Task.WhenAll(keys.Select(k => db.KeyDeleteAsync(k))).ConfigureAwait(false);
        keys.Clear();
    }

    private void OnInvalidated(string key)
    {
        if (key.EndsWith(":*", StringComparison.Ordinal) && key.Contains(":" + RedisKeys.RedirectKind + ":", StringComparison.Ordinal))
        {
            _local.Clear();
        }
        else
        {
            _local.Remove(key);
        }
    }
}
