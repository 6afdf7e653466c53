using ClientSemantics;
using ConsoleClient.Origin;

namespace ConsoleClient.Demo;

/// <summary>What one call got: its status (null when it failed), a short summary, and the pipeline's trace if any.</summary>
internal sealed record CallResult(int? Status, string Summary, StatusSemanticsTrace? Trace);

/// <summary>One run of a scenario with one client: every call, what the origin answered, and how long it took.</summary>
internal sealed record RunResult(IReadOnlyList<CallResult> Calls, IReadOnlyList<Exchange> Exchanges, TimeSpan Elapsed)
{
    /// <summary>The origin's exchanges grouped, e.g. "GET /301/new 200 x2", in the order they first happened.</summary>
    public string ExchangeSummary => Exchanges.Count == 0
        ? "no requests"
        : string.Join(", ", Exchanges.Select(e => e.ToString()).GroupBy(e => e, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} x{g.Count()}"));

    public string StatusSummary => string.Join(" ", Calls.Select(c => c.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error"));
}

/// <summary>A scenario run with plain HttpClient and with the pipeline, and how the pipeline's run differed from the expectation.</summary>
internal sealed record ScenarioResult(Scenario Scenario, Uri Origin, RunResult Plain, RunResult Pipeline, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>Compares the pipeline's run with what the scenario documents.</summary>
    public static IReadOnlyList<string> Check(Scenario scenario, RunResult pipeline)
    {
        var failures = new List<string>();
        for (var i = 0; i < pipeline.Calls.Count; i++)
        {
            var call = pipeline.Calls[i];
            if (call.Status != scenario.ExpectedStatus)
            {
                failures.Add($"call {i + 1}: the caller saw {call.Summary}, expected {scenario.ExpectedStatus}");
            }
        }

        var seen = pipeline.Exchanges.Select(e => e.ToString()).ToArray();
        if (!seen.SequenceEqual(scenario.ExpectedExchanges, StringComparer.Ordinal))
        {
            failures.Add($"the origin answered [{string.Join(", ", seen)}], expected [{string.Join(", ", scenario.ExpectedExchanges)}]");
        }

        if (pipeline.Elapsed < scenario.MinimumDuration)
        {
            failures.Add($"took {pipeline.Elapsed.TotalSeconds:0.0} s, expected a wait of at least {scenario.MinimumDuration.TotalSeconds:0.0} s");
        }

        return failures;
    }
}
