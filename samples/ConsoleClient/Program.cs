using ClientSemantics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// A first demo: an embedded origin on 127.0.0.1 with a permanent redirect, called twice through the pipeline.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
await using var app = builder.Build();
var hits = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
app.Use(async (ctx, next) => { hits.AddOrUpdate(ctx.Request.Path, 1, (_, n) => n + 1); await next(ctx); });
app.MapGet("/old", (HttpContext ctx) => { ctx.Response.StatusCode = 301; ctx.Response.Headers.Location = "/new"; });
app.MapGet("/new", () => "the new home");
await app.StartAsync();
var origin = new Uri(app.Urls.First());

var services = new ServiceCollection();
services.AddHttpClient("demo").AddStatusSemantics();
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("demo");

for (var call = 1; call <= 2; call++)
{
    using var response = await client.GetAsync(new Uri(origin, "/old"));
    Console.WriteLine($"call {call}: {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}");
    Console.WriteLine(response.GetStatusSemanticsTrace());
}

Console.WriteLine($"origin saw /old {hits.GetValueOrDefault("/old")} time(s), /new {hits.GetValueOrDefault("/new")} time(s)");
await app.StopAsync();
