using System.Collections.Concurrent;

namespace ClientSemantics.Caching;

/// <summary>
/// One origin request per key at a time: the first caller leads, later callers wait for it and then look in the
/// store again (or take the entry the leader stored). Kept per client name, so it outlives handler rotation.
/// </summary>
internal sealed class RequestCoalescer
{
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>True when the caller now leads a flight for <paramref name="key"/>; false when it must wait on <paramref name="flight"/>.</summary>
    public bool TryLead(string key, out Flight flight)
    {
        if (_flights.TryGetValue(key, out var existing))
        {
            flight = existing;
            return false;
        }

        var mine = new Flight();
        flight = _flights.GetOrAdd(key, mine);
        return ReferenceEquals(flight, mine);
    }

    /// <summary>Ends a flight: waiters resume with the entry the leader stored or validated, or null.</summary>
    public void Complete(string key, Flight flight, CachedResponse? result)
    {
        _flights.TryRemove(new KeyValuePair<string, Flight>(key, flight));
        flight.Completion.TrySetResult(result);
    }

    internal sealed class Flight
    {
        public TaskCompletionSource<CachedResponse?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
