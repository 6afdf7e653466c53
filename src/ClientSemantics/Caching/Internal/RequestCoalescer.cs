using System.Collections.Concurrent;

namespace ClientSemantics.Caching;

/// <summary>
/// One origin request per key at a time: the first caller leads, later callers wait for it and then look in the
/// store again (or take the entry the leader stored). Kept per client name, so it outlives handler rotation.
/// A key whose last answer could not be stored is remembered as such: its callers then go out side by side, since
/// there is nothing a waiter could be given, and the pass-through pays for no flight.
/// </summary>
internal sealed class RequestCoalescer
{
    /// <summary>How many not-storable keys are remembered; beyond that, such keys are coalesced like any other.</summary>
    internal const int NotStorableCapacity = 4096;

    /// <summary>The marker kept in place of a flight for a key whose last answer could not be stored.</summary>
    private static readonly Flight NotStorable = new();

    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);
    private int _notStorableCount;

    /// <summary>
    /// True when the caller now leads for <paramref name="key"/>, with <paramref name="flight"/> to end, or with null
    /// when the key's last answer could not be stored (nobody waits then); false when it must wait on <paramref name="flight"/>.
    /// </summary>
    public bool TryLead(string key, out Flight? flight)
    {
        if (_flights.TryGetValue(key, out var existing))
        {
            flight = ReferenceEquals(existing, NotStorable) ? null : existing;
            return flight is null;
        }

        var mine = new Flight();
        flight = _flights.GetOrAdd(key, mine);
        if (ReferenceEquals(flight, NotStorable))
        {
            flight = null;
            return true;
        }

        return ReferenceEquals(flight, mine);
    }

    /// <summary>
    /// Ends a flight: waiters resume with the entry the leader stored or validated, or null. When the answer could not
    /// be stored, the key is remembered as not storable (within <see cref="NotStorableCapacity"/>).
    /// </summary>
    public void Complete(string key, Flight flight, CachedResponse? result, bool notStorable = false)
    {
        if (!notStorable || Volatile.Read(ref _notStorableCount) >= NotStorableCapacity || !_flights.TryUpdate(key, NotStorable, flight))
        {
            _flights.TryRemove(new KeyValuePair<string, Flight>(key, flight));
        }
        else
        {
            Interlocked.Increment(ref _notStorableCount);
        }

        flight.Complete(result);
    }

    /// <summary>The key's answer was stored after all: its callers are coalesced again.</summary>
    public void Storable(string key)
    {
        if (_flights.TryRemove(new KeyValuePair<string, Flight>(key, NotStorable)))
        {
            Interlocked.Decrement(ref _notStorableCount);
        }
    }

    /// <summary>
    /// One origin request in progress. Its completion source is made by the first waiter, not by the leader: most
    /// flights (every request that reaches the network) have no waiter, and then cost one small object.
    /// </summary>
    internal sealed class Flight
    {
        private TaskCompletionSource<CachedResponse?>? _completion;
        private CachedResponse? _result;
        private volatile bool _done;

        /// <summary>The entry the leader stored or validated, or null; waits until the leader is done.</summary>
        public Task<CachedResponse?> WaitAsync(CancellationToken cancellationToken)
        {
            var completion = Volatile.Read(ref _completion);
            if (completion is null)
            {
                var created = new TaskCompletionSource<CachedResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
                // The exchange is a full fence: either the leader sees this source below, or this waiter sees _done.
                completion = Interlocked.CompareExchange(ref _completion, created, null) ?? created;
                if (_done)
                {
                    completion.TrySetResult(_result);
                }
            }

            return completion.Task.WaitAsync(cancellationToken);
        }

        public void Complete(CachedResponse? result)
        {
            _result = result;
            _done = true;
            Interlocked.MemoryBarrier();
            Volatile.Read(ref _completion)?.TrySetResult(result);
        }
    }
}
