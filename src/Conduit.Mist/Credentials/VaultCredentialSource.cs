using System.Text;
using System.Text.Json;
using Conduit.Http;
using Conduit.Http.Authentication;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Credentials;

/// <summary>
/// A HashiCorp Vault KV version 2 secret read over Vault's HTTP API
/// (<c>GET /v1/&lt;mount&gt;/data/&lt;path&gt;</c> with <c>X-Vault-Token</c>) through Conduit's HTTP core. The
/// secret's fields use the environment names (<c>MIST_HOST</c>, <c>MIST_APITOKEN</c>, …); numbers and booleans are
/// read as text and a JSON array of tokens as a comma-separated list. The secret is read once per
/// <see cref="Read"/>, and only when the resolver still misses a field.
/// </summary>
public sealed class VaultCredentialSource : IMistCredentialSource
{
    private readonly VaultCredentialSourceOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly string _secretPath;
    private readonly string _requestPath;

    /// <summary>Creates the source.</summary>
    /// <param name="options">Where the secret is; copied and validated.</param>
    /// <param name="loggerFactory">Where the HTTP client logs (redacted) go; none when null.</param>
    /// <exception cref="MistCredentialException">The options are invalid; the message lists every problem.</exception>
    public VaultCredentialSource(VaultCredentialSourceOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new MistCredentialException("The Vault settings are invalid: " + string.Join(" ", problems), "Vault settings", null);
        }

        _options = options.Clone();
        _loggerFactory = loggerFactory;
        var mount = _options.MountPoint.Trim('/');
        var path = _options.Path!.Trim('/');
        var apiPrefix = mount + "/data/";
        if (path.StartsWith(apiPrefix, StringComparison.Ordinal))
        {
            path = path[apiPrefix.Length..];
        }

        _secretPath = mount + "/" + path;
        _requestPath = "v1/" + Escape(mount) + "/data/" + Escape(path)
            + (_options.Version is { } version ? "?version=" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        Name = $"Vault secret '{_secretPath}' at {_options.Address.GetLeftPart(UriPartial.Authority)}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        try
        {
            var response = client.Send(new ApiRequest(HttpMethod.Get, _requestPath), VaultJsonContext.Default.VaultKvV2Response, cancellationToken);
            return ToReading(response.Value, request);
        }
        catch (Exception ex) when (ex is ApiException or JsonException)
        {
            throw Translate(ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        try
        {
            var response = await client.SendAsync(new ApiRequest(HttpMethod.Get, _requestPath), VaultJsonContext.Default.VaultKvV2Response, cancellationToken).ConfigureAwait(false);
            return ToReading(response.Value, request);
        }
        catch (Exception ex) when (ex is ApiException or JsonException)
        {
            throw Translate(ex);
        }
    }

    private ConduitClient CreateClient()
    {
        var options = new ConduitClientOptions
        {
            Name = "vault",
            BaseAddress = new Uri(_options.Address.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"),
            Authentication = HeaderAuthentication.ApiKey(_options.Token!, "X-Vault-Token"),
            AttemptTimeout = _options.Timeout,
            TotalTimeout = _options.Timeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : _options.Timeout * (_options.MaxRetries + 2),
            VerifyTls = _options.VerifyTls,
        };
        options.Retry.MaxRetries = _options.MaxRetries;
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.RetryableStatusCodes.Remove(429);
        if (!string.IsNullOrWhiteSpace(_options.Namespace))
        {
            options.DefaultHeaders["X-Vault-Namespace"] = _options.Namespace;
        }

        return new ConduitClient(options, _loggerFactory);
    }

    private MistCredentialReading ToReading(VaultKvV2Response? body, MistCredentialRequest request)
    {
        var secret = body?.Data ?? throw new MistCredentialException($"{Name} answered with a body that is not a KV version 2 secret (is '{_options.MountPoint}' a KV v2 mount?).", Name, null);
        if (secret.Data is null)
        {
            var state = secret.Metadata is { Destroyed: true } ? "destroyed" : "deleted";
            throw new MistCredentialException($"{Name}: version {secret.Metadata?.Version} was {state}.", Name, null);
        }

        var fields = secret.Data;
        return new MistCredentialReadingBuilder(Name)
            .AddFrom(key => fields.TryGetValue(key, out var value) ? AsText(key, value) : null, request.Missing)
            .Build();
    }

    private string? AsText(string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
            string.Join(',', value.EnumerateArray().Select(item => item.GetString())),
        _ => throw new MistCredentialException($"{key} in {Name} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a text value.", Name, key),
    };

    private MistCredentialException Translate(Exception ex) => ex switch
    {
        UnauthorizedException or ForbiddenException =>
            new MistCredentialException($"{Name}: Vault refused the token ({((ApiException)ex).StatusCode}); check {MistCredentialKeys.VaultToken} and the token's policy.", Name, null, ex),
        NotFoundException => new MistCredentialException($"{Name}: no such secret (404); check {MistCredentialKeys.VaultMountPoint} and {MistCredentialKeys.VaultPath}.", Name, null, ex),
        ApiException { StatusCode: >= 200 and <= 299 } => new MistCredentialException($"{Name} answered with a body that is not a KV version 2 secret.", Name, null, ex),
        ApiException { StatusCode: null } => new MistCredentialException($"{Name}: Vault could not be reached ({ex.GetType().Name}).", Name, null, ex),
        ApiException api => new MistCredentialException($"{Name}: Vault answered {api.StatusCode}.", Name, null, ex),
        _ => new MistCredentialException($"{Name} answered with a body that is not valid JSON.", Name, null, ex),
    };

    private static string Escape(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length == 0 ? string.Empty : "/").Append(Uri.EscapeDataString(segment));
        }

        return builder.ToString();
    }
}
