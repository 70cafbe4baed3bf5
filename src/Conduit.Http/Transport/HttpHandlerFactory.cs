using System.Net;
using System.Net.Security;
using Microsoft.Extensions.Options;

namespace Conduit.Http.Transport;

/// <summary>Builds the socket handler a client sends through: proxy, TLS checks, connection pooling.</summary>
public static class HttpHandlerFactory
{
    /// <summary>Creates a <see cref="SocketsHttpHandler"/> configured from the client options.</summary>
    /// <exception cref="OptionsValidationException">An entry of <see cref="ProxyOptions.BypassList"/> is not a regular expression.</exception>
    public static SocketsHttpHandler Create(ConduitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            // The client decodes compressed responses itself, only when one arrives (ContentDecoding).
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            UseCookies = options.UseCookies,
        };
        Configure(handler, options);
        return handler;
    }

    /// <summary>
    /// Applies proxy and TLS settings to an existing handler (for <c>IHttpClientFactory</c> primary handlers), and, unless
    /// the handler has its own <see cref="SocketsHttpHandler.ConnectCallback"/>, connects in a way that lets a cancelled
    /// synchronous call stop a read blocked on the connection.
    /// </summary>
    /// <exception cref="OptionsValidationException">An entry of <see cref="ProxyOptions.BypassList"/> is not a regular expression.</exception>
    /// <remarks>
    /// Certificates are verified unless <see cref="ConduitClientOptions.VerifyTls"/> is off: then, without a
    /// <see cref="ConduitClientOptions.ServerCertificateValidation"/> callback, every certificate is accepted. The
    /// <see cref="ConduitClient"/> built from those options logs a warning about it (event 10) once, when it is created —
    /// not per handler and not per call.
    /// </remarks>
    public static void Configure(SocketsHttpHandler handler, ConduitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        handler.ConnectCallback ??= AbortableConnection.ConnectAsync;
        var proxy = options.Proxy;
        if (proxy.Address is not null)
        {
            handler.UseProxy = true;
            handler.Proxy = CreateProxy(options.Name, proxy);
        }
        else
        {
            // A null Proxy with UseProxy on means HttpClient.DefaultProxy, which reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY.
            handler.UseProxy = proxy.UseEnvironment;
            handler.Proxy = null;
        }

        if (options.ServerCertificateValidation is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }
        else if (!options.VerifyTls)
        {
            // Verification off: accept anything. The client warns once (HttpCallPipeline, ConduitHttpLog event 10).
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
    }

    private static WebProxy CreateProxy(string client, ProxyOptions proxy)
    {
        try
        {
            return new WebProxy(proxy.Address, proxy.BypassOnLocal, [.. proxy.BypassList])
            {
                Credentials = proxy.UserName is null ? null : new NetworkCredential(proxy.UserName, proxy.Password),
            };
        }
        catch (ArgumentException ex)
        {
            // WebProxy compiles each bypass entry as a regular expression; "*.local" is not one (".*\.local$" is).
            throw new OptionsValidationException(client, typeof(ConduitClientOptions),
                [$"Conduit client '{client}': Proxy.BypassList holds regular expressions (as WebProxy.BypassList), but an entry is not one: {ex.Message}"]);
        }
    }

    /// <summary>A validation callback that accepts exactly one certificate (for example the sandbox's), and nothing else.</summary>
    public static RemoteCertificateValidationCallback TrustOnly(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        return (_, presented, _, errors) =>
            errors == SslPolicyErrors.None ||
            (presented is not null && string.Equals(presented.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase));
    }
}
