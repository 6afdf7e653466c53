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
        flight.Complete(result);
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
