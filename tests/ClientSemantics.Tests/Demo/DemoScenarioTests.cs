using ConsoleClient.Demo;
using ConsoleClient.Origin;

namespace ClientSemantics.Tests.Demo;

/// <summary>The embedded origin, started once for the scenario tests (xunit runs one class's tests one at a time).</summary>
public sealed class DemoOriginFixture : IAsyncLifetime
{
    internal DemoOrigin Origin { get; private set; } = null!;

    public async Task InitializeAsync() => Origin = await DemoOrigin.StartAsync();

    public async Task DisposeAsync() => await Origin.DisposeAsync();
}

/// <summary>Every demo scenario behaves as it documents: the status the caller sees and what the origin answered.</summary>
public sealed class DemoScenarioTests(DemoOriginFixture fixture) : IClassFixture<DemoOriginFixture>
{
    public static TheoryData<string> ScenarioNames => new(Scenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task Scenario_BehavesAsDocumented(string name)
    {
        var output = new StringWriter();
        var result = await new DemoRunner(fixture.Origin, new PlainReport(output)).RunAsync(Scenarios.Find(name)!, CancellationToken.None);

        Assert.True(result.Passed, $"{name}: {string.Join("; ", result.Failures)}\n{output}");
        Assert.Contains("ok: behaved as documented", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_WithWrongExpectation_Fails()
    {
        // The check must be able to fail: the 301 scenario, expecting the source to be asked again on the second call.
        var wrong = Scenarios.Find("301")! with { ExpectedExchanges = ["GET /301/old 301", "GET /301/new 200", "GET /301/old 301", "GET /301/new 200"] };
        var output = new StringWriter();

        var result = await new DemoRunner(fixture.Origin, new PlainReport(output)).RunAsync(wrong, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("the origin answered [GET /301/old 301, GET /301/new 200, GET /301/new 200]", Assert.Single(result.Failures), StringComparison.Ordinal);
        Assert.Contains("FAILED", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_PlainHttpClient_DoesNotFollowOrRetry()
    {
        var result = await new DemoRunner(fixture.Origin, new PlainReport(new StringWriter())).RunAsync(Scenarios.Find("503")!, CancellationToken.None);

        Assert.Equal([503], result.Plain.Calls.Select(c => c.Status));
        Assert.Equal(["GET /503/busy 503"], result.Plain.Exchanges.Select(e => e.ToString()));
        Assert.All(result.Plain.Calls, c => Assert.Null(c.Trace));
    }

    [Fact]
    public async Task Scenario_503_CountsDownTheRetryAfterWait()
    {
        var output = new StringWriter();

        await new DemoRunner(fixture.Origin, new PlainReport(output)).RunAsync(Scenarios.Find("503")!, CancellationToken.None);

        Assert.Contains("waiting 2 s (Retry-After)", output.ToString(), StringComparison.Ordinal);
        Assert.True(output.ToString().Contains("RetryAfter     GET /503/busy -> 503 retry", StringComparison.Ordinal), output.ToString());
    }
}
