namespace ClientSemantics.Caching;

/// <summary>
/// The default store: in memory, bounded in bytes, least recently used variant evicted first. One lock guards the
/// index and the LRU list; each key's variants are an immutable array, so a lookup returns it without copying.
/// </summary>
internal sealed class MemoryResponseCacheStore(long maxSizeBytes) : IResponseCacheStore
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedResponse Entry)> _lru = new();
    private readonly Lock _lock = new();
    private long _size;

    /// <summary>Bytes currently held, as counted by <see cref="CachedResponse.Size"/>.</summary>
    public long Size
    {
        get
        {
            lock (_lock)
            {
                return _size;
            }
        }
    }

    public ValueTask<IReadOnlyList<CachedResponse>> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                return new([]);
            }

            foreach (var node in slot.Nodes)
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
            }

            return new(slot.Entries);
        }
    }

    public ValueTask SetAsync(string key, CachedResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var size = response.Size;
        lock (_lock)
        {
            RemoveVariant(key, response.VariantKey);
            if (size > maxSizeBytes)
            {
                return ValueTask.CompletedTask;
            }

            var node = _lru.AddFirst((key, response));
            var slot = _slots.TryGetValue(key, out var existing) ? existing : _slots[key] = new Slot();
            slot.Nodes.Add(node);
            slot.Entries = [.. slot.Entries, response];
            _size += size;
            while (_size > maxSizeBytes && _lru.Last is { } last)
            {
                RemoveVariant(last.Value.Key, last.Value.Entry.VariantKey);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_slots.Remove(key, out var slot))
            {
                foreach (var node in slot.Nodes)
                {
                    _lru.Remove(node);
                    _size -= node.Value.Entry.Size;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private void RemoveVariant(string key, string variantKey)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            return;
        }

        var index = slot.Nodes.FindIndex(n => string.Equals(n.Value.Entry.VariantKey, variantKey, StringComparison.Ordinal));
        if (index < 0)
        {
            return;
        }

        var node = slot.Nodes[index];
        _lru.Remove(node);
        _size -= node.Value.Entry.Size;
        slot.Nodes.RemoveAt(index);
        slot.Entries = slot.Nodes.Select(n => n.Value.Entry).ToArray();
        if (slot.Nodes.Count == 0)
        {
            _slots.Remove(key);
        }
    }

    private sealed class Slot
    {
        public List<LinkedListNode<(string Key, CachedResponse Entry)>> Nodes { get; } = [];

        public CachedResponse[] Entries { get; set; } = [];
    }
}
