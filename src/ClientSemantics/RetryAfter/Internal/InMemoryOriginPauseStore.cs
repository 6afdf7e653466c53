using System.Collections.Concurrent;

namespace ClientSemantics.RetryAfter;

/// <summary>The default pause store: one per client name, a singleton, so pauses outlive handler rotation.</summary>
internal sealed class InMemoryOriginPauseStore(TimeProvider timeProvider) : IOriginPauseStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pauses = new(StringComparer.Ordinal);

    /// <summary>True when a pause for <paramref name="origin"/> is stored (over or not): the gate then asks the full question.</summary>
    public bool Holds(string origin) => _pauses.ContainsKey(origin);

    public ValueTask<DateTimeOffset?> GetResumeAtAsync(string origin, CancellationToken cancellationToken)
    {
        if (!_pauses.TryGetValue(origin, out var resumeAt))
        {
            return ValueTask.FromResult<DateTimeOffset?>(null);
        }

        if (resumeAt <= timeProvider.GetUtcNow())
        {
            // Over: drop it so the dictionary does not grow with every origin ever paused.
            _pauses.TryRemove(new KeyValuePair<string, DateTimeOffset>(origin, resumeAt));
            return ValueTask.FromResult<DateTimeOffset?>(null);
        }

        return ValueTask.FromResult<DateTimeOffset?>(resumeAt);
    }

    public ValueTask PauseUntilAsync(string origin, DateTimeOffset resumeAt, CancellationToken cancellationToken)
    {
        _pauses.AddOrUpdate(origin, resumeAt, (_, existing) => existing > resumeAt ? existing : resumeAt);
        return ValueTask.CompletedTask;
    }
}
