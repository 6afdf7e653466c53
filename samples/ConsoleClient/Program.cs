// The first thing to run: `dotnet run --project samples/ConsoleClient` shows, against an embedded origin, what the
// ClientSemantics pipeline does that plain HttpClient does not (`--plain` for logs and CI, `--scenario NAME` for one);
// `dotnet run --project samples/ConsoleClient -- get URL` calls any URL through the pipeline, curl-like.
return await ConsoleClient.ConsoleApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
