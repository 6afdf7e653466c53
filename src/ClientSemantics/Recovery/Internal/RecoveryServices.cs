using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics.Recovery;

/// <summary>Registers the per-client state of this obligation and creates its handler.</summary>
internal static class RecoveryServices
{
    public static void Add(IServiceCollection services, string name)
    {
    }

    public static DelegatingHandler CreateHandler(IServiceProvider services, string name) => new RecoveryHandler();
}
