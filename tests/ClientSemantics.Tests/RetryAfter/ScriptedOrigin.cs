using System.Collections.Concurrent;
using ClientSemantics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ClientSemantics.Tests.RetryAfter;

/// <summary>Programs a TestOrigin path whose answer depends on the request number and the test's clock, and logs when each request arrived by that clock.</summary>
internal sealed class ScriptedOrigin
{
    private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new();
    private int _count;

    private ScriptedOrigin()
    {
    }

    public IReadOnlyList<DateTimeOffset> Arrivals => _arrivals.ToArray();

    /// <param name="answer">Given the 1-based request number and the clock's now: status and headers.</param>
    public static ScriptedOrigin Map(TestOrigin origin, string path, TimeProvider time, Func<int, DateTimeOffset, (int Status, (string Name, string Value)[] Headers)> answer)
    {
        var script = new ScriptedOrigin();
        origin.Map(path, ctx =>
        {
            var now = time.GetUtcNow();
            script._arrivals.Enqueue(now);
            var (status, headers) = answer(Interlocked.Increment(ref script._count), now);
            ctx.Response.StatusCode = status;
            ctx.Response.Headers["Date"] = global::ClientSemantics.Http.HttpDate.Format(now);
            foreach (var (name, value) in headers)
            {
                ctx.Response.Headers.Append(name, value);
            }

            return Task.CompletedTask;
        });
        return script;
    }

    /// <summary>The first <paramref name="failures"/> requests get <paramref name="status"/> with the headers, later ones 200.</summary>
    public static ScriptedOrigin FailThenOk(TestOrigin origin, string path, TimeProvider time, int failures, int status, params (string Name, string Value)[] headers) =>
        Map(origin, path, time, (n, _) => n <= failures ? (status, headers) : (200, []));
}
