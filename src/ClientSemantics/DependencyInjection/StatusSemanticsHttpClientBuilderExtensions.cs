using ClientSemantics;
using ClientSemantics.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ClientSemantics pipeline to a named <see cref="HttpClient"/>.</summary>
public static class StatusSemanticsHttpClientBuilderExtensions
{
    /// <summary>Adds the pipeline with default options.</summary>
    public static IHttpClientBuilder AddStatusSemantics(this IHttpClientBuilder builder) =>
        builder.AddStatusSemantics(static _ => { });

    /// <summary>Adds the pipeline and configures its options in code.</summary>
    public static IHttpClientBuilder AddStatusSemantics(this IHttpClientBuilder builder, Action<StatusSemanticsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var name = StatusSemanticsPipeline.RequireName(builder);
        builder.Services.AddOptions<StatusSemanticsOptions>(name).Configure(configure);
        StatusSemanticsPipeline.Add(builder, name);
        return builder;
    }

    /// <summary>Adds the pipeline and binds its options from a configuration section (the shape of <see cref="StatusSemanticsOptions"/>).</summary>
    public static IHttpClientBuilder AddStatusSemantics(this IHttpClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var name = StatusSemanticsPipeline.RequireName(builder);
        builder.Services.AddOptions<StatusSemanticsOptions>(name).Bind(section);
        StatusSemanticsPipeline.Add(builder, name);
        return builder;
    }
}
