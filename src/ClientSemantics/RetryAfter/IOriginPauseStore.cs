namespace ClientSemantics;

/// <summary>
/// Where a client keeps the pauses that servers asked for with <c>Retry-After</c> on 503 and 429, per origin
/// (RFC 9110 10.2.3). The default keeps them in memory per client name; register your own keyed by the client
/// name (<c>services.AddKeyedSingleton&lt;IOriginPauseStore&gt;("name", ...)</c>) to share them between processes.
/// </summary>
public interface IOriginPauseStore
{
    /// <summary>When requests to <paramref name="origin"/> may resume, or <see langword="null"/> when it is not paused.</summary>
    /// <param name="origin">Scheme, host and port, e.g. <c>https://api.example:443</c>.</param>
    /// <param name="cancellationToken">Ends the lookup.</param>
    ValueTask<DateTimeOffset?> GetResumeAtAsync(string origin, CancellationToken cancellationToken);

    /// <summary>Pauses <paramref name="origin"/> until <paramref name="resumeAt"/>; of two pauses, the later one wins.</summary>
    /// <param name="origin">Scheme, host and port, e.g. <c>https://api.example:443</c>.</param>
    /// <param name="resumeAt">When requests may go to the origin again.</param>
    /// <param name="cancellationToken">Ends the update.</param>
    ValueTask PauseUntilAsync(string origin, DateTimeOffset resumeAt, CancellationToken cancellationToken);
}
