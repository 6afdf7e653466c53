using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ClientSemantics.Redis;

/// <summary>
/// One client's way to Redis: connects lazily, bounds every call by <see cref="RedisStoreOptions.OperationTimeout"/>,
/// counts failures in a <see cref="CircuitBreaker"/>, and turns every Redis fault into a failed
/// <see cref="RedisReply{T}"/>, so that no store ever throws a Redis error to a request.
/// It also carries the invalidation messages (pub/sub) the in-process layers listen to.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Func<Task<IConnectionMultiplexer>> _connect;
    private readonly bool _owned;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CircuitBreaker _breaker;
    private readonly Lock _lock = new();
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private Task<IConnectionMultiplexer>? _connecting;
    private int _subscribed;

    public RedisConnection(Func<Task<IConnectionMultiplexer>> connect, bool owned, TimeSpan connectTimeout, string clientName, RedisStoreOptions options, TimeProvider time, ILogger logger)
    {
        _connect = connect;
        _owned = owned;
        _connectTimeout = connectTimeout;
        _time = time;
        _logger = logger;
        ClientName = clientName;
        Options = options;
        Keys = new RedisKeys(options.KeyPrefix, clientName);
        _breaker = new CircuitBreaker(time, options.FailuresBeforeBreak, options.BreakDuration);
    }

    /// <summary>Another instance changed the entry under this Redis key (or <c>kind:*</c> for all of a kind).</summary>
    public event Action<string>? Invalidated;

    /// <summary>The connection came back: invalidations may have been missed meanwhile.</summary>
    public event Action? Reconnected;

    public string ClientName { get; }

    public RedisStoreOptions Options { get; }

    public RedisKeys Keys { get; }

    /// <summary>Whether a call would be tried now (false while the breaker is open).</summary>
    public bool Available => _breaker.AllowsCall();

    public async ValueTask<RedisReply<T>> RunAsync<T>(Func<IDatabase, Task<T>> call, CancellationToken cancellationToken)
    {
        if (!_breaker.AllowsCall())
        {
            return RedisReply<T>.Failed;
        }

        try
        {
            var connection = await ConnectAsync().WaitAsync(_connectTimeout, _time, cancellationToken).ConfigureAwait(false);
            var value = await call(connection.GetDatabase()).WaitAsync(Options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            _breaker.RecordSuccess();
            EnsureSubscribed(connection);
            return new RedisReply<T>(true, value);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the caller gave up: that is theirs to see, not a Redis fault.
        }
#pragma warning disable CA1031 // Any Redis fault (connection, timeout, protocol, script) means "answer from local state".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RedisLog.CallFailed(_logger, ClientName, ex.GetType().Name, ex.Message);
            if (_breaker.RecordFailure())
            {
                RedisLog.BreakerOpened(_logger, ClientName, Options.BreakDuration.TotalSeconds);
            }

            return RedisReply<T>.Failed;
        }
    }

    /// <summary>Tells the other instances that <paramref name="key"/> changed. Best effort: lost messages are covered by <see cref="RedisStoreOptions.LocalTtl"/>.</summary>
    public ValueTask PublishAsync(string key, CancellationToken cancellationToken) =>
        IgnoreAsync(RunAsync(
            db => db.Multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(Keys.Channel), _instance + "|" + key, CommandFlags.FireAndForget),
            cancellationToken));

    public async ValueTask DisposeAsync()
    {
        Task<IConnectionMultiplexer>? connecting;
        lock (_lock)
        {
            connecting = _connecting;
        }

        if (_owned && connecting is { IsCompletedSuccessfully: true })
        {
            await connecting.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async ValueTask IgnoreAsync<T>(ValueTask<RedisReply<T>> reply) => await reply.ConfigureAwait(false);

    private Task<IConnectionMultiplexer> ConnectAsync()
    {
        lock (_lock)
        {
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectOnceAsync();
            }

            return _connecting;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectOnceAsync()
    {
        var connection = await _connect().ConfigureAwait(false);
        connection.ConnectionRestored += (_, _) =>
        {
            RedisLog.Reconnected(_logger, ClientName);
            Reconnected?.Invoke();
        };
        return connection;
    }

    /// <summary>Subscribes once the connection works; retried after a failed attempt.</summary>
    private void EnsureSubscribed(IConnectionMultiplexer connection)
    {
        if (Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
        {
            return;
        }

        connection.GetSubscriber()
            .SubscribeAsync(RedisChannel.Literal(Keys.Channel), (_, message) => OnMessage(message))
            .ContinueWith(t => Volatile.Write(ref _subscribed, 0), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
    }

    private void OnMessage(RedisValue message)
    {
        var text = (string?)message;
        var bar = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (text is null || bar < 0 || text.AsSpan(0, bar).SequenceEqual(_instance))
        {
            return; // malformed, or our own change: our layer already holds it.
        }

        Invalidated?.Invoke(text[(bar + 1)..]);
    }
}
