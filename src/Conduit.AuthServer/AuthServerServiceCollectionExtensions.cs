using Conduit.AuthServer.Email;
using Conduit.AuthServer.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Conduit.AuthServer;

/// <summary>Registers the auth service in a host of your own; then map it with <see cref="AuthServerEndpointRouteBuilderExtensions.MapConduitAuth"/>.</summary>
public static class AuthServerServiceCollectionExtensions
{
    /// <summary>
    /// Validates <paramref name="options"/> (throwing one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// that lists every problem) and registers the store, the email sender and outbox, and a hosted
    /// service that creates or migrates the schema at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The configuration; kept as is for the life of the server.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddConduitAuth(this IServiceCollection services, AuthServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        AuthServerOptionsValidator.ValidateOrThrow(options);
        services.AddLogging();
        services.TryAddSingleton(options);
        services.TryAddSingleton<IAuthStore>(_ => AuthStoreFactory.Create(options));
        services.TryAddSingleton<IEmailSender>(sp => options.EmailSender ?? new OutboxEmailSender(sp.GetRequiredService<IAuthStore>(), options.TimeProvider));
        services.TryAddSingleton<IEmailOutbox>(sp => new StoreEmailOutbox(sp.GetRequiredService<IAuthStore>()));
        services.TryAddSingleton(sp => new AuthServerRuntime(
            options,
            sp.GetRequiredService<IAuthStore>(),
            sp.GetRequiredService<IEmailSender>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<AuthStoreInitializer>();
        return services;
    }
}
