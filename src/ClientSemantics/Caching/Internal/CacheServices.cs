using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Caching;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class CacheServices
{
    public static void Add(IServiceCollection services, string name)
    {
    }

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name) => new CacheHandler();
}
