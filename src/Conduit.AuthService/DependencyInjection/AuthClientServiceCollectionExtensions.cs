using System.Diagnostics.Metrics;
using Conduit.AuthService;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an <see cref="AuthClient"/> singleton and an <see cref="AuthClientFactory"/> (one client per user) with options validated at start-up.</summary>
public static class AuthClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AuthClient"/> as a singleton, and <see cref="AuthClientFactory"/> for applications that serve
    /// many users (one client per user over a shared connection pool). The options are validated when the host starts (every
    /// problem in one <see cref="OptionsValidationException"/>). An <see cref="IAuthTokenStore"/> registered in the
    /// container is used when the options name none.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The options builder, for further configuration (for example binding to configuration).</returns>
    public static OptionsBuilder<AuthClientOptions> AddAuthClient(this IServiceCollection services, Action<AuthClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddAuthClient().Configure(configure);
    }

    /// <summary>Registers <see cref="AuthClient"/> as a singleton whose options are set elsewhere.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The options builder, for further configuration.</returns>
    public static OptionsBuilder<AuthClientOptions> AddAuthClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthClientOptions>, AuthClientOptionsValidator>());
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<AuthClientOptions>>().Value;
            if (options.TokenStore is null && sp.GetService<IAuthTokenStore>() is { } store)
            {
                options = options.Clone();
                options.TokenStore = store;
            }

            return new AuthClient(options, sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>());
        });
        services.TryAddSingleton(static sp => new AuthClientFactory(
            sp.GetRequiredService<IOptions<AuthClientOptions>>().Value, sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>()));
        return services.AddOptions<AuthClientOptions>().ValidateOnStart();
    }
}
