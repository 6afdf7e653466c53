using Spectre.Console;

namespace ConsoleClient.Demo;

/// <summary>The demo in a terminal: a rule, a side-by-side table and the pipeline's trace per scenario, a live countdown while a Retry-After is honoured, and a summary table.</summary>
internal sealed class RichReport(IAnsiConsole console) : IDemoReport
{
    public void Introduce(Uri origin, int scenarioCount)
    {
        console.MarkupLine($"[bold]ClientSemantics demo[/]: {scenarioCount} scenario(s) against an embedded origin at [blue]{Markup.Escape(origin.ToString())}[/]");
        console.MarkupLine("Each runs twice: with plain [yellow]HttpClient[/] (redirects off) and with [green]AddHttpClient(...).AddStatusSemantics()[/].");
    }

    public void ScenarioStarted(Scenario scenario)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(scenario.Name)}[/]  {Markup.Escape(scenario.Title)}").LeftJustified());
        console.MarkupLine($"[grey]{Markup.Escape(scenario.Explanation)}[/]");
    }

    public async Task ShowWaitAsync(TimeSpan wait, Task call)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            // Redirected to a file or a pipe: a live line would print every tick, so say it once.
            console.MarkupLine($"[grey]waiting {wait.TotalSeconds:0.#} s (Retry-After)[/]");
            await Task.WhenAny(call).ConfigureAwait(false);
            return;
        }

        var until = TimeProvider.System.GetTimestamp() + (long)(wait.TotalSeconds * TimeProvider.System.TimestampFrequency);
        await console.Status().Spinner(Spinner.Known.Clock).StartAsync($"waiting {wait.TotalSeconds:0.#} s (Retry-After)", async context =>
        {
            while (!call.IsCompleted)
            {
                var left = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), until);
                context.Status(left > TimeSpan.Zero
                    ? $"waiting {left.TotalSeconds:0.0} s of {wait.TotalSeconds:0.#} s (Retry-After)"
                    : "retrying...");
                await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System)).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        var sideBySide = new Table().Border(TableBorder.Rounded)
            .AddColumn(string.Empty)
            .AddColumn("[yellow]HttpClient[/] (redirects off)")
            .AddColumn("[green]AddStatusSemantics()[/]");
        for (var i = 0; i < result.Scenario.Calls; i++)
        {
            sideBySide.AddRow($"call {i + 1}", Markup.Escape(result.Plain.Calls[i].Summary), Markup.Escape(result.Pipeline.Calls[i].Summary));
        }

        sideBySide.AddRow("origin saw", Markup.Escape(result.Plain.ExchangeSummary), Markup.Escape(result.Pipeline.ExchangeSummary));
        console.Write(sideBySide);

        var trace = new Table().Border(TableBorder.Simple).Title("[grey]the pipeline's trace, hop by hop[/]")
            .AddColumns("call", "stage", "request", "status", "decision", "why");
        foreach (var (call, entry) in Display.TraceOf(result.Pipeline))
        {
            trace.AddRow(
                call.ToString(System.Globalization.CultureInfo.InvariantCulture),
                entry.Stage.ToString(),
                Markup.Escape($"{entry.Method} {Display.Uri(entry.Uri, result.Origin)}"),
                Display.Status(entry.StatusCode),
                $"[bold]{Markup.Escape(entry.Decision)}[/]",
                Markup.Escape(Display.Reason(entry)));
        }

        console.Write(trace);
        console.MarkupLine(result.Passed
            ? "[green]ok[/]: behaved as documented"
            : $"[red]FAILED[/]: {Markup.Escape(string.Join("; ", result.Failures))}");
    }

    public void Summary(IReadOnlyList<ScenarioResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Summary[/]")
            .AddColumns("scenario", "HttpClient saw", "pipeline saw", "origin requests\n(plain / pipeline)", "time", "result");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.Scenario.Name),
                Markup.Escape(r.Plain.StatusSummary),
                Markup.Escape(r.Pipeline.StatusSummary),
                $"{r.Plain.Exchanges.Count} / {r.Pipeline.Exchanges.Count}",
                Display.Seconds(r.Pipeline.Elapsed),
                r.Passed ? "[green]ok[/]" : "[red]FAILED[/]");
        }

        console.WriteLine();
        console.Write(table);
        var passed = results.Count(r => r.Passed);
        console.MarkupLine($"{passed} of {results.Count} scenario(s) behaved as documented.");
    }
}
