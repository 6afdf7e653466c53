using System.CommandLine;
using ConsoleClient.Demo;
using ConsoleClient.Get;
using ConsoleClient.Origin;
using Spectre.Console;

namespace ConsoleClient;

/// <summary>The command line: the guided demo (no arguments) and the <c>get</c> command. Exit codes: 0 ok, 1 failed, 2 bad usage.</summary>
internal static class ConsoleApp
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var plain = new Option<bool>("--plain") { Description = "Print plain lines instead of tables (for logs and CI)." };
        var scenario = new Option<string?>("--scenario") { Description = $"Run one scenario: {string.Join(", ", Scenarios.All.Select(s => s.Name))}." };
        var root = new RootCommand(
            "ClientSemantics console client. Without a command: a guided demo against an embedded origin, comparing plain " +
            "HttpClient with AddStatusSemantics(); exits non-zero if a scenario does not behave as documented.")
        {
            plain,
            scenario,
            GetCommand.Create(output, error),
        };
        root.SetAction((parse, ct) => RunDemoAsync(parse.GetValue(plain), parse.GetValue(scenario), output, error, ct));
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    internal static async Task<int> RunDemoAsync(bool plain, string? scenarioName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var scenarios = Scenarios.All;
        if (scenarioName is not null)
        {
            if (Scenarios.Find(scenarioName) is not { } one)
            {
                await error.WriteLineAsync($"error: no scenario '{scenarioName}'; the scenarios are {string.Join(", ", Scenarios.All.Select(s => s.Name))}").ConfigureAwait(false);
                return 2;
            }

            scenarios = [one];
        }

        await using var origin = await DemoOrigin.StartAsync().ConfigureAwait(false);
        IDemoReport report = plain
            ? new PlainReport(output)
            : new RichReport(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                // Colours only on the real console; a captured writer (tests, a redirected log) gets plain characters.
                Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            }));
        var results = await new DemoRunner(origin, report).RunAsync(scenarios, cancellationToken).ConfigureAwait(false);
        return results.All(r => r.Passed) ? 0 : 1;
    }
}
