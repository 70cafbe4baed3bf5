using Conduit.AuthServer;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Sandbox;
using Spectre.Console;

namespace Conduit.Cli.Demo;

/// <summary>
/// What the demo steps share: the console, and the embedded servers (the Mist sandbox and the auth server), each
/// started on first use on loopback and stopped when the demo ends.
/// </summary>
internal sealed class DemoEnvironment(IAnsiConsole console) : IAsyncDisposable
{
    private MistSandbox? _sandbox;
    private AuthServerHost? _authServer;

    /// <summary>The demo's short access-token lifetime, so a transparent refresh can be shown.</summary>
    public static TimeSpan AccessTokenLifetime { get; } = TimeSpan.FromSeconds(3);

    public IAnsiConsole Console { get; } = console;

    /// <summary>The Mist sandbox, started on first use with its deterministic demo data.</summary>
    public async Task<MistSandbox> GetSandboxAsync(CancellationToken cancellationToken) =>
        _sandbox ??= await MistSandbox.StartAsync(CreateSandboxOptions(), cancellationToken).ConfigureAwait(false);

    /// <summary>The sandbox options the demo uses (deterministic seed, so the same ids and credentials every run).</summary>
    public static MistSandboxOptions CreateSandboxOptions() => new() { EnableHttps = false, DeviceCount = 2000 };

    /// <summary>The auth server, started on first use (in-memory SQLite, development mode for the outbox).</summary>
    public async Task<AuthServerHost> GetAuthServerAsync(CancellationToken cancellationToken) =>
        _authServer ??= await AuthServerHost.StartAsync(
            new AuthServerOptions
            {
                SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                DevelopmentMode = true,
                AccessTokenLifetime = AccessTokenLifetime,
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>A Conduit client for the sandbox's API with the first demo token; the caller adjusts options.</summary>
    public async Task<ConduitClient> CreateMistClientAsync(Action<ConduitClientOptions>? configure, CancellationToken cancellationToken)
    {
        var sandbox = await GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        var options = new ConduitClientOptions
        {
            Name = "mist-demo",
            BaseAddress = new Uri(sandbox.BaseUrl + "/api/v1/"),
            Authentication = HeaderAuthentication.MistToken(sandbox.Seed.Tokens[0]),
        };
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return new ConduitClient(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync().ConfigureAwait(false);
        }

        if (_authServer is not null)
        {
            await _authServer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
