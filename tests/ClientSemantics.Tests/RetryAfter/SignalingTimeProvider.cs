using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when code under test starts a timer, so a test can wait until a
/// delay has begun and only then advance the clock (FakeTimeProvider.Advance fires only timers that exist).
/// </summary>
public sealed class SignalingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _timers;

    public SignalingTimeProvider()
        : this(new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)))
    {
    }

    public DateTimeOffset Start { get; } = fake.GetUtcNow();

    public int TimersCreated => Volatile.Read(ref _timers);

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public void Advance(TimeSpan by) => fake.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _timers++;
            foreach (var waiter in _waiters.Where(w => _timers >= w.Count).ToArray())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers in all have been created; fails (never hangs) after 30 s.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (_gate)
        {
            if (_timers >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
