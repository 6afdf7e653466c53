using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ClientSemantics.Redis;

/// <summary>
/// The response cache in Redis: per request URI (hashed) one hash, one field per variant (its variant key hashed)
/// holding <see cref="CacheEntryFormat"/> metadata; bodies in <see cref="ChunkedBody"/> keys. Entries are kept for
/// their freshness lifetime plus <see cref="RedisStoreOptions.StaleRetention"/>, so a stale one can be revalidated.
/// Reads go through the <see cref="LocalLayer{T}"/>, which every Set/Remove of any instance invalidates (pub/sub).
/// </summary>
internal sealed class RedisResponseCacheStore : IResponseCacheStore
{
    // Writes a variant and stretches the key's expiry to the longest-lived variant (PTTL -1: no expiry yet).
    private static readonly LuaScript SetVariant = LuaScript.Prepare(
        "redis.call('HSET', @key, @field, @meta) " +
        "if redis.call('PTTL', @key) < tonumber(@ttl) then redis.call('PEXPIRE', @key, @ttl) end return 1");

    private readonly RedisConnection _redis;
    private readonly CacheOptions _cache;
    private readonly LocalLayer<IReadOnlyList<CachedResponse>> _local;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RedisResponseCacheStore(RedisConnection redis, CacheOptions cache, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _cache = cache;
        _time = time;
        _logger = logger;
        _local = new LocalLayer<IReadOnlyList<CachedResponse>>(time, redis.Options.LocalTtl, redis.Options.LocalMaxBytes, static list => list.Sum(e => e.Size));
        redis.Invalidated += _local.Remove;
        redis.Reconnected += _local.Clear;
    }

    /// <summary>Whether this instance holds an in-process copy for <paramref name="key"/> (for tests of coherence).</summary>
    internal bool HasLocalCopy(string key) => _local.TryGet(_redis.Keys.Cache(key), anyAge: true, out _);

    public async ValueTask<IReadOnlyList<CachedResponse>> GetAsync(string key, CancellationToken cancellationToken)
    {
        var redisKey = _redis.Keys.Cache(key);
        if (_local.TryGet(redisKey, anyAge: !_redis.Available, out var local))
        {
            return local;
        }

        var reply = await _redis.RunAsync(db => ReadAsync(db, redisKey, key), cancellationToken).ConfigureAwait(false);
        if (!reply.Ok)
        {
            return _local.TryGet(redisKey, anyAge: true, out local) ? local : [];
        }

        // An empty list is kept too: a miss need not ask Redis again until another instance announces a Set.
        _local.Set(redisKey, reply.Value);
        return reply.Value;
    }

    public async ValueTask SetAsync(string key, CachedResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var redisKey = _redis.Keys.Cache(key);
        var known = _local.TryGet(redisKey, anyAge: true, out var local) ? local : [];
        var others = known.Where(v => !string.Equals(v.VariantKey, response.VariantKey, StringComparison.Ordinal)).ToArray();
        if (response.Body.Length > _cache.MaxEntryBytes)
        {
            // The per-entry limit holds here too; the old variant goes, as it would be replaced.
            _local.Set(redisKey, others);
            await RemoveVariantAsync(redisKey, RedisKeys.Hash(response.VariantKey), cancellationToken).ConfigureAwait(false);
            return;
        }

        _local.Set(redisKey, [.. others, response]);
        var options = _redis.Options;
        var ttl = CacheEntryFormat.KeepFor(response, _cache.HeuristicFreshnessCap, options.StaleRetention);
        var field = RedisKeys.Hash(response.VariantKey);
        var bodyHash = CacheEntryFormat.BodyHash(response.Body.Span);
        var meta = CacheEntryFormat.Write(response, _time.GetUtcNow() + ttl, options.BodyChunkBytes, bodyHash);
        var bodyKey = _redis.Keys.Body(key, field, bodyHash);
        var ttlMs = (long)Math.Ceiling(ttl.TotalMilliseconds);
        await _redis.RunAsync(
            async db =>
            {
                // Body first: a reader that finds the metadata finds its body.
                await ChunkedBody.WriteAsync(db, bodyKey, response.Body, options.BodyChunkBytes, ttl).ConfigureAwait(false);
                return await SetVariant.EvaluateAsync(db, new { key = (RedisKey)redisKey, field, meta, ttl = ttlMs }).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        await _redis.PublishAsync(redisKey, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var redisKey = _redis.Keys.Cache(key);
        _local.Remove(redisKey);

        // Bodies are left to expire: their keys are not known without reading every variant first.
        await _redis.RunAsync(db => db.KeyDeleteAsync(redisKey), cancellationToken).ConfigureAwait(false);
        await _redis.PublishAsync(redisKey, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<CachedResponse>> ReadAsync(IDatabase db, string redisKey, string key)
    {
        var fields = await db.HashGetAllAsync(redisKey).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var entries = new List<CachedResponse>(fields.Length);
        foreach (var field in fields)
        {
            if (!CacheEntryFormat.TryRead((byte[])field.Value!, _cache.MaxEntryBytes, out var meta)
                || !string.Equals(RedisKeys.Hash(meta.Template.VariantKey), (string?)field.Name, StringComparison.Ordinal))
            {
                RedisLog.CorruptEntry(_logger, _redis.ClientName, "cache");
                await db.HashDeleteAsync(redisKey, field.Name).ConfigureAwait(false);
                continue;
            }

            var body = meta.StoreUntil <= now ? null : await ChunkedBody.ReadAsync(db, _redis.Keys.Body(key, field.Name!, meta.BodyHash), meta).ConfigureAwait(false);
            if (body is null)
            {
                // Past its retention, or its body is gone or damaged: a miss, and the metadata goes too.
                await db.HashDeleteAsync(redisKey, field.Name).ConfigureAwait(false);
                continue;
            }

            entries.Add(new CachedResponse
            {
                StatusCode = meta.Template.StatusCode,
                ReasonPhrase = meta.Template.ReasonPhrase,
                Version = meta.Template.Version,
                Headers = meta.Template.Headers,
                ContentHeaders = meta.Template.ContentHeaders,
                Body = body,
                RequestTime = meta.Template.RequestTime,
                ResponseTime = meta.Template.ResponseTime,
                VariantKey = meta.Template.VariantKey,
            });
        }

        return entries;
    }

    private async ValueTask RemoveVariantAsync(string redisKey, string field, CancellationToken cancellationToken)
    {
        await _redis.RunAsync(db => db.HashDeleteAsync(redisKey, field), cancellationToken).ConfigureAwait(false);
        await _redis.PublishAsync(redisKey, cancellationToken).ConfigureAwait(false);
    }
}
