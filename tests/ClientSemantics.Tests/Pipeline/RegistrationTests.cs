using ClientSemantics.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClientSemantics.Tests.Pipeline;

public sealed class RegistrationTests
{
    [Fact]
    public void AddStatusSemantics_BindsOptionsFromConfiguration_PerClientName()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Clients:a:Redirects:MaxRedirects"] = "3",
                ["Clients:a:Redirects:AllowHttpsToHttp"] = "true",
                ["Clients:b:RetryAfter:MaxRetries"] = "0",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddHttpClient("a").AddStatusSemantics(configuration.GetSection("Clients:a"));
        services.AddHttpClient("b").AddStatusSemantics(configuration.GetSection("Clients:b"));
        using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredService<IOptionsMonitor<StatusSemanticsOptions>>();
        Assert.Equal(3, monitor.Get("a").Redirects.MaxRedirects);
        Assert.True(monitor.Get("a").Redirects.AllowHttpsToHttp);
        Assert.Equal(20, monitor.Get("b").Redirects.MaxRedirects);
        Assert.Equal(0, monitor.Get("b").RetryAfter.MaxRetries);
    }

    [Fact]
    public async Task InvalidOptions_FailAtStartUp_WithAMessageNamingTheClientAndField()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("bad").AddStatusSemantics(o => o.Redirects.MaxRedirects = -1);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(provider));
        var validation = error as OptionsValidationException
            ?? Assert.IsType<AggregateException>(error).InnerExceptions.OfType<OptionsValidationException>().First();
        Assert.Contains("MaxRedirects", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPrimaryHandler_FailsAtStartUp_WithWhatToDo()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("custom")
            .AddStatusSemantics()
            .ConfigurePrimaryHttpMessageHandler(() => new RichardSzalay.MockHttp.MockHttpMessageHandler());
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(provider));
        Assert.Contains("AllowUnknownPrimaryHandler", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPrimaryHandler_IsAccepted_WhenTheUserSaysItDoesNotFollowRedirects()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("custom")
            .AddStatusSemantics(o => o.Redirects.AllowUnknownPrimaryHandler = true)
            .ConfigurePrimaryHttpMessageHandler(() => new RichardSzalay.MockHttp.MockHttpMessageHandler());
        await using var provider = services.BuildServiceProvider();

        await StartAsync(provider);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PrimaryHandlerRedirects_AreTurnedOff_WhicheverOrderTheUserConfiguresIn(bool primaryFirst)
    {
        var primary = new HttpClientHandler { AllowAutoRedirect = true };
        var services = new ServiceCollection();
        var builder = services.AddHttpClient("order");
        if (primaryFirst)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => primary).AddStatusSemantics();
        }
        else
        {
            builder.AddStatusSemantics().ConfigurePrimaryHttpMessageHandler(() => primary);
        }

        await using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IHttpClientFactory>().CreateClient("order");

        Assert.False(primary.AllowAutoRedirect);
    }

    [Fact]
    public void AddStatusSemantics_Twice_ForOneClient_Throws()
    {
        var builder = new ServiceCollection().AddHttpClient("twice").AddStatusSemantics();
        Assert.Throws<InvalidOperationException>(() => builder.AddStatusSemantics());
    }

    [Fact]
    public void AddStatusSemantics_UnderConfigureHttpClientDefaults_SaysItNeedsAName()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<NotSupportedException>(() => services.ConfigureHttpClientDefaults(b => b.AddStatusSemantics()));
        Assert.Contains("named client", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What a host does at start-up: run the ValidateOnStart checks.</summary>
    private static Task StartAsync(IServiceProvider provider)
    {
        provider.GetRequiredService<IStartupValidator>().Validate();
        return Task.CompletedTask;
    }
}
