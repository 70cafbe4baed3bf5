using System.Diagnostics.Metrics;
using Conduit.Integrations;
using Conduit.Integrations.Configuration;
using Conduit.Integrations.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the <see cref="IntegrationManager"/> and a keyed <see cref="IntegrationClient"/> per integration
/// (<c>[FromKeyedServices("name")] IntegrationClient</c>). The integrations are validated when the host starts; an
/// invalid one fails start-up with an <see cref="OptionsValidationException"/> listing every problem.
/// </summary>
public static class ConduitIntegrationsServiceCollectionExtensions
{
    /// <summary>Registers the manager with no integrations at start-up (register them at run time or with the builder).</summary>
    public static ConduitIntegrationsBuilder AddConduit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConduitIntegrationsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConduitIntegrationsOptions>, ConduitIntegrationsOptionsValidation>());
        services.TryAddSingleton(CreateManager);
        services.TryAddKeyedSingleton<IntegrationClient>(KeyedService.AnyKey, static (sp, key) =>
            sp.GetRequiredService<IntegrationManager>().GetClient(key as string ?? throw new InvalidOperationException("An integration client is resolved by its name (a string key).")));
        return new ConduitIntegrationsBuilder(services);
    }

    /// <summary>Registers the manager with integrations configured in code.</summary>
    public static ConduitIntegrationsBuilder AddConduit(this IServiceCollection services, Action<ConduitIntegrationsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddConduit();
        services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers the manager with the integrations of <paramref name="configuration"/>'s <c>Conduit:Integrations</c>
    /// section (a list, or an object keyed by name), reloaded when the configuration changes.
    /// </summary>
    public static ConduitIntegrationsBuilder AddConduit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddConduitSection(configuration.GetSection(IntegrationConfiguration.DefaultSectionPath));
    }

    /// <summary>Registers the manager with the integrations of <paramref name="section"/> (its children are the integrations), reloaded when it changes.</summary>
    public static ConduitIntegrationsBuilder AddConduit(this IServiceCollection services, IConfigurationSection section) =>
        services.AddConduitSection(section);

    private static ConduitIntegrationsBuilder AddConduitSection(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddConduit();
        services.Configure<ConduitIntegrationsOptions>(o =>
        {
            o.Section = section;
            var errors = new List<string>();
            foreach (var integration in IntegrationConfigurationReader.Read(section, errors))
            {
                o.Integrations.Add(integration);
            }

            o.ReadErrors.AddRange(errors);
        });
        return builder;
    }

    private static IntegrationManager CreateManager(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<ConduitIntegrationsOptions>>().Value;
        var manager = new IntegrationManager(
            new IntegrationManagerOptions { TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System, Environment = options.Environment },
            sp.GetService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>());
        try
        {
            foreach (var integration in options.Integrations.Where(i => options.Section is null || !IsFromSection(i, options)))
            {
                manager.Register(integration);
            }

            if (options.Section is { } section)
            {
                manager.WatchConfiguration(section);
            }
        }
        catch
        {
            manager.Dispose();
            throw;
        }

        return manager;
    }

    private static bool IsFromSection(IntegrationOptions integration, ConduitIntegrationsOptions options) =>
        options.Section!.GetChildren().Any(c => string.Equals(c.GetSection("name").Value is { Length: > 0 } n ? n : c.Key, integration.Name, StringComparison.OrdinalIgnoreCase));
}
