using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Conduit.Integrations.DependencyInjection;

/// <summary>Configures the integrations registered by <c>services.AddConduit(…)</c>.</summary>
public sealed class ConduitIntegrationsBuilder
{
    internal ConduitIntegrationsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds an integration configured in code.</summary>
    public ConduitIntegrationsBuilder AddIntegration(string name, Action<IntegrationOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<ConduitIntegrationsOptions>(o =>
        {
            var options = new IntegrationOptions { Name = name };
            configure(options);
            o.Integrations.Add(options);
        });
        return this;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed client of one integration: it is created per resolution with
    /// the integration's <see cref="IntegrationClient"/> passed to its constructor (other parameters come from DI).
    /// </summary>
    public ConduitIntegrationsBuilder AddTypedClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(string integration)
        where TClient : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        Services.AddTransient(sp => ActivatorUtilities.CreateInstance<TClient>(sp, sp.GetRequiredService<IntegrationManager>().GetClient(integration)));
        return this;
    }
}
