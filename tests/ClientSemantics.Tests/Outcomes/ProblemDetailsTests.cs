using System.Net;
using System.Text;
using ClientSemantics.Outcomes;

namespace ClientSemantics.Tests.Outcomes;

public sealed class ProblemDetailsTests
{
    [Fact]
    public void Parse_ReadsTheStandardMembers_AndKeepsExtensions()
    {
        var problem = ProblemDetailsReader.Parse(Encoding.UTF8.GetBytes(
            """{"type":"https://example.test/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your balance is 30.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345"]}"""));

        Assert.NotNull(problem);
        Assert.Equal("https://example.test/out-of-credit", problem.Type);
        Assert.Equal("You do not have enough credit.", problem.Title);
        Assert.Equal(403, problem.Status);
        Assert.Equal("Your balance is 30.", problem.Detail);
        Assert.Equal("/account/12345/msgs/abc", problem.Instance);
        Assert.Equal(30, problem.Extensions["balance"].GetInt32());
        Assert.Equal(2, problem.Extensions.Count);
    }

    /// <summary>Hostile or broken bodies: never a throw; wrong-typed members are ignored (RFC 9457 3.1).</summary>
    [Theory]
    [InlineData("", false)]
    [InlineData("null", false)]
    [InlineData("[]", false)]
    [InlineData("\"text\"", false)]
    [InlineData("{", false)]
    [InlineData("{\"title\":", false)]
    [InlineData("\u00ff\u00fe garbage", false)]
    [InlineData("{}", true)]
    [InlineData("{\"status\":\"403\",\"title\":7,\"type\":null}", true)]
    [InlineData("{\"status\":4.5}", true)]
    [InlineData("{\"status\":99999999999}", true)]
    public void Parse_Garbage_NeverThrows(string body, bool isObject)
    {
        var problem = ProblemDetailsReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(isObject, problem is not null);
        if (problem is not null)
        {
            Assert.Equal("about:blank", problem.Type);
            Assert.Null(problem.Status);
            Assert.Null(problem.Title);
        }
    }

    [Fact]
    public void Parse_DeepNesting_IsRefused_NotThrown()
    {
        var deep = "{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.Null(ProblemDetailsReader.Parse(Encoding.UTF8.GetBytes(deep)));
    }

    [Fact]
    public async Task ReadAsync_BodyOfUnknownLengthOverTheLimit_IsNotParsed_ButStaysReadableWhole()
    {
        var json = "{\"title\":\"" + new string('x', ProblemDetailsReader.MaxBytes) + "\"}";
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json))),
        };
        response.Content.Headers.ContentType = new("application/problem+json");

        var outcome = await response.GetStatusOutcomeAsync();

        Assert.Null(outcome.Problem);
        Assert.Equal(json, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReadAsync_SmallBodyOfUnknownLength_IsParsed_AndStaysReadable()
    {
        const string Json = "{\"title\":\"Nope\"}";
        using var response = new HttpResponseMessage(HttpStatusCode.UnprocessableEntity)
        {
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(Json))),
        };
        response.Content.Headers.ContentType = new("application/problem+json");

        var outcome = await response.GetStatusOutcomeAsync();

        Assert.Equal("Nope", outcome.Problem?.Title);
        Assert.Equal(Json, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(200, "application/problem+json")]
    [InlineData(400, "application/json")]
    public async Task ReadAsync_NotAProblemResponse_LeavesTheBodyAlone(int status, string mediaType)
    {
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes("{\"title\":\"t\"}")));
        content.Headers.ContentType = new(mediaType);
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = content };

        var outcome = await response.GetStatusOutcomeAsync();

        Assert.Null(outcome.Problem);
        Assert.Same(content, response.Content);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
