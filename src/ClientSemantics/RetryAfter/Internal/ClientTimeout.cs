using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ClientSemantics.RetryAfter;

/// <summary>
/// The <see cref="HttpClient.Timeout"/> a named client gets from the factory. A handler never sees the client's
/// timeout (it arrives only as a cancellation that has not fired yet), so without this a Retry-After within MaxDelay
/// could still outlast the caller, and the call would end in a TaskCanceledException after a pointless wait.
/// Read once per client by running the client's configuration on a throwaway HttpClient. A Timeout set on the
/// instance after CreateClient is not seen: WithTimeBudget/WithDeadline cover that case.
/// </summary>
internal static class ClientTimeout
{
    public static TimeSpan? Read(IOptionsMonitor<HttpClientFactoryOptions> factoryOptions, string name)
    {
        using var probe = new HttpClient(new NeverSends(), disposeHandler: true);
        foreach (var action in factoryOptions.Get(name).HttpClientActions)
        {
            action(probe);
        }

        return probe.Timeout == Timeout.InfiniteTimeSpan ? null : probe.Timeout;
    }

    private sealed class NeverSends : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The timeout probe never sends.");
    }
}
