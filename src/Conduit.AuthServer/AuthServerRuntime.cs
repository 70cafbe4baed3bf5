using System.Reflection;
using Conduit.AuthServer.Email;
using Conduit.AuthServer.Logging;
using Conduit.AuthServer.Security;
using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tokens;
using Microsoft.Extensions.Logging;

namespace Conduit.AuthServer;

/// <summary>The services every endpoint uses, built once from the validated options.</summary>
internal sealed class AuthServerRuntime(
    AuthServerOptions options,
    IAuthStore store,
    IEmailSender emailSender,
    ILoggerFactory loggerFactory)
{
    public AuthServerOptions Options { get; } = options;

    public IAuthStore Store { get; } = store;

    public IEmailSender EmailSender { get; } = emailSender;

    public ILogger Logger { get; } = loggerFactory.CreateLogger(AuthServerLog.Category);

    public TimeProvider Time { get; } = options.TimeProvider;

    public PasswordHashing Passwords { get; } = new(options.PasswordHashIterations);

    public PasswordPolicy PasswordPolicy { get; } = new(options.PasswordPolicy);

    public AccessTokenService AccessTokens { get; } = new(options);

    public LoginThrottle Throttle { get; } = new(store, options);

    /// <summary>When the runtime was built; the health route reports uptime from it.</summary>
    public long StartedTimestamp { get; } = options.TimeProvider.GetTimestamp();

    /// <summary>Version of this assembly, reported by the health route.</summary>
    public static string Version { get; } =
        typeof(AuthServerRuntime).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(AuthServerRuntime).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
