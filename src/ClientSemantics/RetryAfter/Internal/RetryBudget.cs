using System.Collections.Concurrent;

namespace ClientSemantics.RetryAfter;

/// <summary>
/// Retries allowed per origin as a share of recent first attempts, plus a floor per second (Finagle's RetryBudget,
/// gRPC's retry throttling): a failing origin sees at most (1 + percent) times its normal traffic, not (1 + MaxRetries) times.
/// One per client name; counts live in one-second buckets over a 10-second window.
/// </summary>
internal sealed class RetryBudget(TimeProvider timeProvider, int percent, int minPerSecond)
{
    internal const int WindowSeconds = 10;
    private readonly ConcurrentDictionary<string, Window> _origins = new(StringComparer.Ordinal);

    /// <summary>The pure rule: how many retries a window with <paramref name="requests"/> first attempts allows.</summary>
    public static double Allowed(long requests, int percent, int minPerSecond) =>
        (minPerSecond * (double)WindowSeconds) + (requests * percent / 100.0);

    public void RecordRequest(string origin) => Get(origin).AddRequest(Second());

    public void RecordRequest(string origin, DateTimeOffset now) => Get(origin).AddRequest(now.ToUnixTimeSeconds());

    public bool HasRoom(string origin) => Get(origin).HasRoom(Second(), percent, minPerSecond);

    /// <summary>Takes one retry from the budget, if there is room; atomic per origin.</summary>
    public bool TryWithdraw(string origin) => Get(origin).TryWithdraw(Second(), percent, minPerSecond);

    private long Second() => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    private Window Get(string origin) => _origins.GetOrAdd(origin, static _ => new Window());

    private sealed class Window
    {
        private readonly long[] _seconds = new long[WindowSeconds];
        private readonly long[] _requests = new long[WindowSeconds];
        private readonly long[] _retries = new long[WindowSeconds];

        public void AddRequest(long second)
        {
            lock (_seconds)
            {
                _requests[Slot(second)]++;
            }
        }

        public bool HasRoom(long second, int percent, int minPerSecond)
        {
            lock (_seconds)
            {
                return Room(second, percent, minPerSecond);
            }
        }

        public bool TryWithdraw(long second, int percent, int minPerSecond)
        {
            lock (_seconds)
            {
                if (!Room(second, percent, minPerSecond))
                {
                    return false;
                }

                _retries[Slot(second)]++;
                return true;
            }
        }

        private bool Room(long second, int percent, int minPerSecond)
        {
            long requests = 0, retries = 0;
            for (var i = 0; i < WindowSeconds; i++)
            {
                if (second - _seconds[i] < WindowSeconds)
                {
                    requests += _requests[i];
                    retries += _retries[i];
                }
            }

            return retries + 1 <= Allowed(requests, percent, minPerSecond);
        }

        private int Slot(long second)
        {
            var i = (int)(second % WindowSeconds);
            if (_seconds[i] != second)
            {
                _seconds[i] = second;
                _requests[i] = 0;
                _retries[i] = 0;
            }

            return i;
        }
    }
}
