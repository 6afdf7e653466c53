namespace ConsoleClient.Demo;

/// <summary>The demo as plain lines (<c>--plain</c>), for logs and CI.</summary>
internal sealed class PlainReport(TextWriter output) : IDemoReport
{
    public void Introduce(Uri origin, int scenarioCount)
    {
        output.WriteLine($"ClientSemantics demo: {scenarioCount} scenario(s) against an embedded origin at {origin}");
        output.WriteLine("Each runs twice: with plain HttpClient (redirects off) and with AddHttpClient(...).AddStatusSemantics().");
    }

    public void ScenarioStarted(Scenario scenario)
    {
        output.WriteLine();
        output.WriteLine($"[{scenario.Name}] {scenario.Title}");
        output.WriteLine($"  {scenario.Explanation}");
    }

    public async Task ShowWaitAsync(TimeSpan wait, Task call)
    {
        output.WriteLine($"  waiting {wait.TotalSeconds:0.#} s (Retry-After)");
        await Task.WhenAny(call).ConfigureAwait(false);
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        WriteRun("HttpClient        ", result.Plain);
        WriteRun("AddStatusSemantics", result.Pipeline);
        foreach (var (call, entry) in Display.TraceOf(result.Pipeline))
        {
            output.WriteLine($"    trace {call}: {entry.Stage,-14} {entry.Method} {Display.Uri(entry.Uri, result.Origin)} -> {Display.Status(entry.StatusCode)} {entry.Decision}{Reason(entry)}");
        }

        output.WriteLine(result.Passed ? "  ok: behaved as documented" : $"  FAILED: {string.Join("; ", result.Failures)}");
    }

    public void Summary(IReadOnlyList<ScenarioResult> results)
    {
        output.WriteLine();
        output.WriteLine("Summary (status each call saw; requests the origin received)");
        output.WriteLine($"  {"scenario",-11} {"HttpClient",-12} {"pipeline",-12} {"requests",-9} {"time",-7} result");
        foreach (var r in results)
        {
            var requests = $"{r.Plain.Exchanges.Count} / {r.Pipeline.Exchanges.Count}";
            output.WriteLine($"  {r.Scenario.Name,-11} {r.Plain.StatusSummary,-12} {r.Pipeline.StatusSummary,-12} {requests,-9} {Display.Seconds(r.Pipeline.Elapsed),-7} {(r.Passed ? "ok" : "FAILED")}");
        }

        var passed = results.Count(r => r.Passed);
        output.WriteLine($"{passed} of {results.Count} scenario(s) behaved as documented.");
    }

    private static string Reason(ClientSemantics.StatusSemanticsTraceEntry entry) =>
        Display.Reason(entry) is { Length: > 0 } reason ? ": " + reason : string.Empty;

    private void WriteRun(string label, RunResult run) =>
        output.WriteLine($"  {label}: {string.Join(" | ", run.Calls.Select(c => c.Summary))}   origin: {run.ExchangeSummary}");
}
