using Conduit.Http;
using Conduit.Mist.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="MistSession"/> with options validated at start-up.</summary>
public static class MistSessionServiceCollectionExtensions
{
    /// <summary>The key of the session's <see cref="ConduitClient"/> (<c>[FromKeyedServices("mist")]</c>).</summary>
    public const string ClientKey = "mist";

    /// <summary>
    /// Registers a singleton <see cref="MistSession"/> (started — tokens validated or logged in — when first resolved,
    /// disposed with the container) and its client as the keyed <see cref="ConduitClient"/> <c>"mist"</c>. Invalid
    /// options fail the host at start with one <see cref="OptionsValidationException"/> listing every problem.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The options builder, for more configuration (for example binding a configuration section).</returns>
    public static OptionsBuilder<MistSessionOptions> AddMistSession(this IServiceCollection services, Action<MistSessionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddMistSession().Configure(configure);
    }

    /// <summary>Registers a <see cref="MistSession"/> whose options are set elsewhere (a credential source, configuration).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<MistSessionOptions> AddMistSession(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MistSessionOptions>, MistSessionOptionsValidation>());
        services.TryAddSingleton(static sp => MistSession.Start(
            sp.GetRequiredService<IOptions<MistSessionOptions>>().Value,
            sp.GetService<ILoggerFactory>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddKeyedSingleton<ConduitClient>(ClientKey, static (sp, _) => sp.GetRequiredService<MistSession>().Client);
        return services.AddOptions<MistSessionOptions>().ValidateOnStart();
    }
}
