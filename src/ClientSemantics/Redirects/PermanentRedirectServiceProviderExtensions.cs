using Microsoft.Extensions.DependencyInjection;

namespace ClientSemantics;

/// <summary>Clears a client's permanent-redirect memory: the fix for a 301 that changed, without restarting the process.</summary>
public static class PermanentRedirectServiceProviderExtensions
{
    /// <summary>Forgets every permanent redirect the client <paramref name="clientName"/> remembers.</summary>
    public static ValueTask ClearPermanentRedirectsAsync(this IServiceProvider services, string clientName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clientName);
        return services.GetRequiredKeyedService<IPermanentRedirectStore>(clientName).ClearAsync(cancellationToken);
    }
}
