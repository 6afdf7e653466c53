using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClientSemantics.Tests.Infrastructure;

/// <summary>
/// A service provider with one named client that has the whole pipeline from
/// <c>AddHttpClient(name).AddStatusSemantics(...)</c>, as a user registers it.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    public const string DefaultName = "test";

    private TestClient(ServiceProvider services, string name, TimeProvider time)
    {
        Services = services;
        Name = name;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public string Name { get; }

    public TimeProvider Time { get; }

    /// <summary>The fake clock, when the client was created with one.</summary>
    public FakeTimeProvider FakeTime => Time as FakeTimeProvider ?? throw new InvalidOperationException("This client uses the system clock.");

    public static TestClient Create(
        Action<StatusSemanticsOptions>? configure = null,
        TimeProvider? time = null,
        Action<IHttpClientBuilder>? configureClient = null,
        Action<IServiceCollection>? configureServices = null,
        string name = DefaultName)
    {
        var services = new ServiceCollection();
        time ??= TimeProvider.System;
        services.AddSingleton(time);
        var builder = services.AddHttpClient(name).AddStatusSemantics(configure ?? (_ => { }));
        configureClient?.Invoke(builder);
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TestClient(provider, name, time);
    }

    /// <summary>A new HttpClient from the factory, as application code gets one.</summary>
    public HttpClient CreateHttpClient() => Services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
