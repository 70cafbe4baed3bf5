using Conduit.AuthServer.Email;
using Conduit.AuthServer.Endpoints;
using Conduit.AuthServer.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.AuthServer;

/// <summary>
/// The auth service running on its own Kestrel server (by default on 127.0.0.1 with a free port),
/// for tests, the sandbox, the CLI and demos. Dispose it to stop the server.
/// </summary>
/// <example>
/// <code>
/// await using var server = await AuthServerHost.StartAsync(new AuthServerOptions { SigningKey = key });
/// var client = new HttpClient { BaseAddress = server.BaseUrl };
/// </code>
/// </example>
public sealed class AuthServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private AuthServerHost(WebApplication app, Uri baseUrl, AuthServerOptions options)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = options;
    }

    /// <summary>Absolute URL of the base path, ending with <c>/</c>, e.g. <c>http://127.0.0.1:5123/api/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The options the server runs with.</summary>
    public AuthServerOptions Options { get; }

    /// <summary>The emails written by the default sender (verification and reset tokens).</summary>
    public IEmailOutbox Outbox => _app.Services.GetRequiredService<IEmailOutbox>();

    /// <summary>The server's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Validates <paramref name="options"/>, creates or migrates the schema, and starts listening.
    /// </summary>
    /// <param name="options">The configuration; <see cref="AuthServerOptions.SigningKey"/> is required.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public static async Task<AuthServerHost> StartAsync(AuthServerOptions options, CancellationToken cancellationToken = default)
    {
        AuthServerOptionsValidator.ValidateOrThrow(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AuthServerHost).Assembly.GetName().Name,
            EnvironmentName = options.DevelopmentMode ? "Development" : "Production",
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.ListenAddress, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Services.AddRoutingCore();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.AddConduitAuth(options);

        var app = builder.Build();
        try
        {
            app.UseMiddleware<JsonErrorBodyMiddleware>();
            app.MapConduitAuth();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var baseUrl = new Uri(address.TrimEnd('/') + options.BasePath.TrimEnd('/') + "/");
            AuthServerLog.Listening(app.Services.GetRequiredService<AuthServerRuntime>().Logger, baseUrl);
            return new AuthServerHost(app, baseUrl, options);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server and releases the database.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
