using System.Net;
using BenchmarkDotNet.Attributes;
using ClientSemantics;
using ClientSemantics.Recovery;

/// <summary>
/// What the recovery stage and the outcome reader cost per response: the decider on a code it ignores (the common path),
/// on a 417 it repeats, and reading a 405 outcome against the bare status check a caller would otherwise write.
/// </summary>
[MemoryDiagnoser]
public class RecoveryBenchmarks
{
    private static readonly RecoveryOptions Options = new();
    private static readonly RecoveryRequestFacts Request = new(HttpVersion.Version11, true, false, 10, true, [], null, RecoveryKind.None);
    private HttpResponseMessage _405 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _405 = new HttpResponseMessage(HttpStatusCode.MethodNotAllowed)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, "http://example.test/orders?q=1"),
            Content = new ByteArrayContent([]),
        };
        _405.Content.Headers.TryAddWithoutValidation("Allow", "GET, HEAD");
    }

    [Benchmark(Baseline = true)]
    public bool IsSuccessStatusCode() => _405.IsSuccessStatusCode;

    [Benchmark]
    public bool Decide_200_Pass() => RecoveryDecider.Decide(Request, new RecoveryResponseFacts(200, null, null), Options).IsRelevant;

    [Benchmark]
    public bool Decide_417_Repeat() => RecoveryDecider.Decide(Request, new RecoveryResponseFacts(417, null, null), Options).IsRepeat;

    [Benchmark]
    public StatusOutcome GetStatusOutcome_405() => _405.GetStatusOutcome();

    [Benchmark]
    public string GetStatusOutcome_405_Message() => _405.GetStatusOutcome().ToString();
}
