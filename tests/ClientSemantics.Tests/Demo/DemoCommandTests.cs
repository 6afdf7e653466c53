using ConsoleClient;

namespace ClientSemantics.Tests.Demo;

/// <summary>The demo's command line: --plain, --scenario, the rich report, and exit codes CI relies on.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Plain_OneScenario_PrintsSummaryAndExitsZero()
    {
        var (code, output, error) = await RunAsync("--plain", "--scenario", "301");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("[301] 301 Moved Permanently", output, StringComparison.Ordinal);
        Assert.Contains("Redirect       GET /301/old -> 301 hit", output, StringComparison.Ordinal);
        Assert.EndsWith("1 of 1 scenario(s) behaved as documented." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rich_OneScenario_DrawsSideBySideAndTraceTables()
    {
        var (code, output, _) = await RunAsync("--scenario", "307");

        Assert.Equal(0, code);
        Assert.Contains("HttpClient (redirects off)", output, StringComparison.Ordinal);
        Assert.Contains("AddStatusSemantics()", output, StringComparison.Ordinal);
        Assert.Contains("the pipeline's trace, hop by hop", output, StringComparison.Ordinal);
        Assert.Contains("POST /307/submit", output, StringComparison.Ordinal);
        Assert.Contains("Summary", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownScenario_NamesTheScenariosAndExitsTwo()
    {
        var (code, output, error) = await RunAsync("--plain", "--scenario", "999");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: no scenario '999'; the scenarios are 300, 301", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheDemoOptionsAndTheGetCommand()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("--plain", output, StringComparison.Ordinal);
        Assert.Contains("--scenario", output, StringComparison.Ordinal);
        Assert.Contains("get", output, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ConsoleApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
