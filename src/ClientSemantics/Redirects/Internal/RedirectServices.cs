using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Redirects;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class RedirectServices
{
    public static void Add(IServiceCollection services, string name)
    {
    }

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name) => new RedirectHandler();
}
