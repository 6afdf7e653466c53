using System.Globalization;
using ClientSemantics;
using ConsoleClient.Origin;
using Microsoft.Extensions.DependencyInjection;

namespace ConsoleClient.Demo;

/// <summary>
/// Runs each scenario twice against the origin: with plain HttpClient (redirects off, as the pipeline's primary handler
/// has them) and with <c>AddHttpClient(name).AddStatusSemantics()</c>, each with a fresh client so scenarios do not share state.
/// </summary>
internal sealed class DemoRunner(DemoOrigin origin, IDemoReport report)
{
    private const string ClientName = "demo";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(IEnumerable<Scenario> scenarios, CancellationToken cancellationToken)
    {
        var list = scenarios.ToList();
        report.Introduce(origin.BaseUri, list.Count);
        var results = new List<ScenarioResult>();
        foreach (var scenario in list)
        {
            results.Add(await RunAsync(scenario, cancellationToken).ConfigureAwait(false));
        }

        report.Summary(results);
        return results;
    }

    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        report.ScenarioStarted(scenario);
        origin.Reset();
        RunResult plain;
        using (var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = CallTimeout })
        {
            plain = await RunCallsAsync(http, scenario, watchWaits: false, cancellationToken).ConfigureAwait(false);
        }

        origin.Reset();
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName).AddStatusSemantics(options => scenario.Configure?.Invoke(options));
        RunResult pipeline;
        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
            client.Timeout = CallTimeout;
            pipeline = await RunCallsAsync(client, scenario, watchWaits: true, cancellationToken).ConfigureAwait(false);
        }

        var result = new ScenarioResult(scenario, origin.BaseUri, plain, pipeline, ScenarioResult.Check(scenario, pipeline));
        report.ScenarioFinished(result);
        return result;
    }

    private async Task<RunResult> RunCallsAsync(HttpClient client, Scenario scenario, bool watchWaits, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var calls = new List<CallResult>();
        for (var i = 0; i < scenario.Calls; i++)
        {
            using var request = scenario.Request(origin.BaseUri);
            calls.Add(await CallAsync(client, request, watchWaits, cancellationToken).ConfigureAwait(false));
        }

        return new RunResult(calls, origin.Exchanges, TimeProvider.System.GetElapsedTime(started));
    }

    private async Task<CallResult> CallAsync(HttpClient client, HttpRequestMessage request, bool watchWaits, CancellationToken cancellationToken)
    {
        // The origin tells us when it asks for a wait, so the report can count it down while the pipeline honours it.
        var announced = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = watchWaits ? origin.OnRetryAfter(d => Volatile.Read(ref announced).TrySetResult(d)) : null;
        var send = client.SendAsync(request, cancellationToken);
        while (watchWaits && !send.IsCompleted)
        {
            var wait = Volatile.Read(ref announced).Task;
            if (await Task.WhenAny(send, wait).ConfigureAwait(false) == wait)
            {
                Volatile.Write(ref announced, new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously));
                await report.ShowWaitAsync(await wait.ConfigureAwait(false), send).ConfigureAwait(false);
            }
        }

        try
        {
            using var response = await send.ConfigureAwait(false);
            return new CallResult((int)response.StatusCode, await SummarizeAsync(response, cancellationToken).ConfigureAwait(false), response.GetStatusSemanticsTrace());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new CallResult(null, $"error: {e.Message}", null);
        }
    }

    /// <summary>"301 -> /301/new" or "200 'the new home'": what a person needs to see of a response.</summary>
    private static async Task<string> SummarizeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (response.Headers.Location is { } location)
        {
            return $"{status} -> {location.OriginalString}";
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        body = body.ReplaceLineEndings(" ").Trim();
        return body.Length == 0 ? status : $"{status} '{(body.Length > 40 ? body[..37] + "..." : body)}'";
    }
}
