using ClientSemantics.Authentication;
using ClientSemantics.Http;

namespace ClientSemantics.Tests.Authentication;

public sealed class AuthenticationDeciderTests
{
    private const string Basic = "Basic realm=a";
    private const string Digest = "Digest realm=a, nonce=n";
    private const string DigestStale = "Digest realm=a, nonce=n2, stale=true";
    private const string BearerInvalid = "Bearer realm=a, error=\"invalid_token\"";
    private const string Bearer = "Bearer realm=a";

    [Theory]
    [InlineData(401, Basic, false, "None", true, false, false, "answer", "Basic (realm 'a')")]
    [InlineData(407, Basic, false, "None", true, false, false, "answer", "Basic (realm 'a')")]
    [InlineData(403, Basic, false, "Answered", true, false, false, "return", "never retried")]
    [InlineData(200, Basic, false, "None", true, false, false, "return", "not a challenge")]
    [InlineData(401, Basic, true, "None", true, false, false, "return", "the caller set Authorization")]
    [InlineData(407, Basic, true, "None", true, false, false, "return", "the caller set Proxy-Authorization")]
    [InlineData(401, Basic, false, "Answered", true, false, false, "return", "one answer per challenge")]
    [InlineData(401, Basic, false, "Preemptive", true, false, false, "answer", "falling back to the challenge")]
    [InlineData(401, Basic, false, "None", false, false, false, "return", "body cannot be re-read")]
    [InlineData(401, Digest, false, "Answered", true, false, false, "return", "one answer per challenge")]
    [InlineData(401, DigestStale, false, "Answered", true, false, false, "answer", "stale nonce")]
    [InlineData(401, DigestStale, false, "Answered", true, true, false, "return", "one answer per challenge")]
    [InlineData(401, DigestStale, false, "Answered", false, false, false, "return", "body cannot be re-read")]
    [InlineData(401, BearerInvalid, false, "Answered", true, false, false, "answer", "invalid_token")]
    [InlineData(401, BearerInvalid, false, "Answered", true, false, true, "return", "one answer per challenge")]
    [InlineData(401, Bearer, false, "Answered", true, false, false, "return", "one answer per challenge")]
    [InlineData(401, "Negotiate", false, "None", true, false, false, "return", "not supported")]
    public void Decide_AnswersOncePerChallenge(int status, string field, bool callerSet, string prior, bool rereadable, bool staleUsed, bool refreshUsed, string decision, string reason)
    {
        var selection = ChallengeSelector.Select(
            ChallengeParser.Parse([field]),
            new SelectorInput(new Uri("https://h/"), new System.Net.NetworkCredential("u", "p"), HasTokenSource: true, false, Proxy: false));

        var result = AuthenticationDecider.Decide(new AuthenticationFacts(status, callerSet, Enum.Parse<PriorAttempt>(prior), rereadable, selection, staleUsed, refreshUsed));

        Assert.Equal(decision, result.Decision);
        Assert.Equal(decision == "answer", result.Answer);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }
}
