using System.Globalization;
using ClientSemantics;

namespace ConsoleClient.Demo;

/// <summary>Where the demo tells its story: plain lines for logs and CI, or Spectre.Console tables for a terminal.</summary>
internal interface IDemoReport
{
    void Introduce(Uri origin, int scenarioCount);

    void ScenarioStarted(Scenario scenario);

    /// <summary>Shows a wait the origin asked for (Retry-After) until <paramref name="call"/> completes.</summary>
    Task ShowWaitAsync(TimeSpan wait, Task call);

    void ScenarioFinished(ScenarioResult result);

    void Summary(IReadOnlyList<ScenarioResult> results);
}

/// <summary>Formatting shared by both reports.</summary>
internal static class Display
{
    /// <summary>The path alone for the origin's own URIs, so that lines stay short; anything else in full.</summary>
    public static string Uri(Uri? uri, Uri origin) =>
        uri is null ? "-"
        : uri.IsAbsoluteUri && System.Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
            ? uri.PathAndQuery
            : uri.ToString();

    public static string Status(int? status) => status?.ToString(CultureInfo.InvariantCulture) ?? "-";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>The reason, with the wait when the step took or refused one.</summary>
    public static string Reason(StatusSemanticsTraceEntry entry) =>
        entry.Delay is { } delay ? $"{entry.Reason} [wait {Seconds(delay)}]" : entry.Reason ?? string.Empty;

    /// <summary>Every trace entry of a run, numbered by call.</summary>
    public static IEnumerable<(int Call, StatusSemanticsTraceEntry Entry)> TraceOf(RunResult run) =>
        run.Calls.SelectMany((call, i) => (call.Trace?.Entries ?? []).Select(entry => (i + 1, entry)));
}
