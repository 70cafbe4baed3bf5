using Conduit.Http;
using Conduit.Http.DependencyInjection;
using Conduit.Http.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers named <see cref="ConduitClient"/>s with options validated at start-up.</summary>
public static class ConduitHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers a named client. Resolve it with <see cref="IConduitClientFactory.GetClient"/> or as a keyed service
    /// (<c>[FromKeyedServices("name")] ConduitClient client</c>). Invalid options fail the host at start-up with an
    /// <see cref="OptionsValidationException"/> listing every problem.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The options builder, for further configuration.</returns>
    public static OptionsBuilder<ConduitClientOptions> AddConduitClient(this IServiceCollection services, string name, Action<ConduitClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddConduitClient(name);
        builder.Configure(configure);
        return builder;
    }

    /// <summary>Registers a named client whose options are set elsewhere (for example bound from configuration).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <returns>The options builder, for further configuration.</returns>
    public static OptionsBuilder<ConduitClientOptions> AddConduitClient(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var registry = GetRegistry(services);
        if (!registry.Names.Add(name))
        {
            throw new InvalidOperationException($"A Conduit client named '{name}' is already registered.");
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConduitClientOptions>, ConduitClientOptionsValidation>());
        services.TryAddSingleton<IConduitClientFactory, ConduitClientFactory>();
        services.AddKeyedSingleton<ConduitClient>(name, static (sp, key) => sp.GetRequiredService<IConduitClientFactory>().GetClient((string)key!));
        services.AddHttpClient(ConduitClientRegistry.HttpClientName(name))
            .ConfigurePrimaryHttpMessageHandler(sp => HttpHandlerFactory.Create(sp.GetRequiredService<IOptionsMonitor<ConduitClientOptions>>().Get(name)))
            // The handler pools connections with a bounded lifetime, so the client may keep it for its whole life.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services.AddOptions<ConduitClientOptions>(name)
            .Configure(options => options.Name = name)
            .ValidateOnStart();
    }

    private static ConduitClientRegistry GetRegistry(IServiceCollection services)
    {
        var descriptor = services.FirstOrDefault(static d => d.ServiceType == typeof(ConduitClientRegistry));
        if (descriptor?.ImplementationInstance is ConduitClientRegistry existing)
        {
            return existing;
        }

        var registry = new ConduitClientRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
