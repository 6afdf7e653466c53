namespace ClientSemantics.Redirects;

/// <summary>
/// The default <see cref="IPermanentRedirectStore"/>: a bounded map in memory, least recently used out first, so a
/// client that meets many moved URIs cannot grow without limit.
/// </summary>
internal sealed class InMemoryPermanentRedirectStore : IPermanentRedirectStore
{
    private readonly Dictionary<string, LinkedListNode<PermanentRedirect>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<PermanentRedirect> _recency = new(); // most recently used first
    private readonly int _capacity;

    public InMemoryPermanentRedirectStore(int capacity) => _capacity = Math.Max(1, capacity);

    public int Count
    {
        get
        {
            lock (_map)
            {
                return _map.Count;
            }
        }
    }

    public ValueTask<PermanentRedirect?> TryGetAsync(PermanentRedirectKey key, CancellationToken cancellationToken)
    {
        lock (_map)
        {
            if (!_map.TryGetValue(key.ToString(), out var node))
            {
                return ValueTask.FromResult<PermanentRedirect?>(null);
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult<PermanentRedirect?>(node.Value);
        }
    }

    public ValueTask SetAsync(PermanentRedirect redirect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        lock (_map)
        {
            var key = redirect.Key.ToString();
            if (_map.Remove(key, out var old))
            {
                _recency.Remove(old);
            }
            else if (_map.Count >= _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _map.Remove(oldest.Value.Key.ToString());
            }

            _map[key] = _recency.AddFirst(redirect);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(PermanentRedirectKey key, CancellationToken cancellationToken)
    {
        lock (_map)
        {
            if (_map.Remove(key.ToString(), out var node))
            {
                _recency.Remove(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        lock (_map)
        {
            _map.Clear();
            _recency.Clear();
        }

        return ValueTask.CompletedTask;
    }
}
