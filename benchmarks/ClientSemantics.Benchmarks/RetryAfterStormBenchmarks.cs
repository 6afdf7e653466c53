using BenchmarkDotNet.Attributes;

namespace ClientSemantics.Benchmarks;

/// <summary>
/// Origin requests per caller in a 503 storm, with and without the shared per-origin pause. The counts are
/// deterministic (fake clock) and printed once in GlobalSetup; the timing is the CPU cost of one whole storm.
/// </summary>
[MemoryDiagnoser]
public class RetryAfterStormBenchmarks
{
    [Params(false, true)]
    public bool SharedPause { get; set; }

    /// <summary>Outage length and the Retry-After the origin sends: one pause covers it (10/10) or it outlasts several (10/2).</summary>
    [Params("10/10", "10/2")]
    public string Scenario { get; set; } = "10/10";

    [GlobalSetup]
    public void PrintCounts()
    {
        var result = Run().GetAwaiter().GetResult();
        Console.WriteLine($"// RetryAfterStorm SharedPause={SharedPause} outage/Retry-After={Scenario}: {result}");
    }

    [Benchmark]
    public Task<RetryAfterStorm.Result> Storm200Callers() => Run();

    private Task<RetryAfterStorm.Result> Run()
    {
        var parts = Scenario.Split('/');
        return RetryAfterStorm.RunAsync(SharedPause, 200, TimeSpan.FromSeconds(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
