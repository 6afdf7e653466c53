namespace ClientSemantics.Redis;

/// <summary>
/// The in-process layer in front of Redis: recently read or written entries, bounded by a size budget (least
/// recently used out first). A copy is trusted for <see cref="RedisStoreOptions.LocalTtl"/> while Redis answers;
/// it is dropped at once when another instance announces a change of its key. While Redis is unavailable, copies
/// are served whatever their age: the instance then works from its own state, as without Redis.
/// </summary>
internal sealed class LocalLayer<T>(TimeProvider time, TimeSpan ttl, long capacity, Func<T, long> size)
    where T : class
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _lru = new(); // most recently used first
    private readonly Lock _lock = new();
    private long _used;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>The copy under <paramref name="key"/>; one older than the local TTL only when <paramref name="anyAge"/>.</summary>
    public bool TryGet(string key, bool anyAge, out T value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node) && (anyAge || time.GetUtcNow() < node.Value.TrustedUntil))
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    public void Set(string key, T value)
    {
        var entry = new Entry(key, value, time.GetUtcNow() + ttl, Math.Max(1, size(value)));
        lock (_lock)
        {
            RemoveLocked(key);
            if (entry.Size > capacity)
            {
                return;
            }

            _map[key] = _lru.AddFirst(entry);
            _used += entry.Size;
            while (_used > capacity && _lru.Last is { } last)
            {
                RemoveLocked(last.Value.Key);
            }
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            RemoveLocked(key);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
            _lru.Clear();
            _used = 0;
        }
    }

    private void RemoveLocked(string key)
    {
        if (_map.Remove(key, out var node))
        {
            _lru.Remove(node);
            _used -= node.Value.Size;
        }
    }

    private sealed record Entry(string Key, T Value, DateTimeOffset TrustedUntil, long Size);
}
