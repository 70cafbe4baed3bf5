using System.Diagnostics.CodeAnalysis;

namespace Conduit.Mist.Clouds;

/// <summary>
/// One Mist cloud: its display name (<c>Global 01</c>), its REST host (<c>api.mist.com</c>) and the matching
/// WebSocket host (<c>api-ws.mist.com</c>). <see cref="All"/> lists the twelve public clouds; <see cref="Custom(Uri)"/>
/// describes any other endpoint, such as the sandbox.
/// </summary>
/// <example>
/// <code>
/// var cloud = MistCloud.Parse("EMEA 01");        // or "api.eu.mist.com", or "https://api.eu.mist.com"
/// var ws = cloud.WebSocketUri;                   // wss://api-ws.eu.mist.com/api-ws/v1/stream
/// </code>
/// </example>
public sealed class MistCloud : IEquatable<MistCloud>
{
    /// <summary>The path of the WebSocket stream on every cloud.</summary>
    public const string StreamPath = "/api-ws/v1/stream";

    private MistCloud(string name, MistCloudRegion region, Uri baseUri, Uri webSocketBaseUri)
    {
        Name = name;
        Region = region;
        BaseUri = baseUri;
        WebSocketBaseUri = webSocketBaseUri;
    }

    /// <summary>Global 01, <c>api.mist.com</c>.</summary>
    public static MistCloud Global01 { get; } = Public("Global 01", MistCloudRegion.Global, "api.mist.com");

    /// <summary>Global 02, <c>api.gc1.mist.com</c>.</summary>
    public static MistCloud Global02 { get; } = Public("Global 02", MistCloudRegion.Global, "api.gc1.mist.com");

    /// <summary>Global 03, <c>api.ac2.mist.com</c>.</summary>
    public static MistCloud Global03 { get; } = Public("Global 03", MistCloudRegion.Global, "api.ac2.mist.com");

    /// <summary>Global 04, <c>api.gc2.mist.com</c>.</summary>
    public static MistCloud Global04 { get; } = Public("Global 04", MistCloudRegion.Global, "api.gc2.mist.com");

    /// <summary>Global 05, <c>api.gc4.mist.com</c>.</summary>
    public static MistCloud Global05 { get; } = Public("Global 05", MistCloudRegion.Global, "api.gc4.mist.com");

    /// <summary>EMEA 01, <c>api.eu.mist.com</c>.</summary>
    public static MistCloud Emea01 { get; } = Public("EMEA 01", MistCloudRegion.Emea, "api.eu.mist.com");

    /// <summary>EMEA 02, <c>api.gc3.mist.com</c>.</summary>
    public static MistCloud Emea02 { get; } = Public("EMEA 02", MistCloudRegion.Emea, "api.gc3.mist.com");

    /// <summary>EMEA 03, <c>api.ac6.mist.com</c>.</summary>
    public static MistCloud Emea03 { get; } = Public("EMEA 03", MistCloudRegion.Emea, "api.ac6.mist.com");

    /// <summary>EMEA 04, <c>api.gc6.mist.com</c>.</summary>
    public static MistCloud Emea04 { get; } = Public("EMEA 04", MistCloudRegion.Emea, "api.gc6.mist.com");

    /// <summary>APAC 01, <c>api.ac5.mist.com</c>.</summary>
    public static MistCloud Apac01 { get; } = Public("APAC 01", MistCloudRegion.Apac, "api.ac5.mist.com");

    /// <summary>APAC 02, <c>api.gc5.mist.com</c>.</summary>
    public static MistCloud Apac02 { get; } = Public("APAC 02", MistCloudRegion.Apac, "api.gc5.mist.com");

    /// <summary>APAC 03, <c>api.gc7.mist.com</c>.</summary>
    public static MistCloud Apac03 { get; } = Public("APAC 03", MistCloudRegion.Apac, "api.gc7.mist.com");

    /// <summary>The twelve public clouds, Global first, then EMEA, then APAC.</summary>
    public static IReadOnlyList<MistCloud> All { get; } =
    [
        Global01, Global02, Global03, Global04, Global05,
        Emea01, Emea02, Emea03, Emea04,
        Apac01, Apac02, Apac03,
    ];

    /// <summary>The display name (<c>Global 01</c>), or the host of a custom cloud.</summary>
    public string Name { get; }

    /// <summary>The region; <see cref="MistCloudRegion.Custom"/> for a custom host.</summary>
    public MistCloudRegion Region { get; }

    /// <summary>The REST root (<c>https://api.mist.com/</c>); API paths such as <c>/api/v1/self</c> are relative to it.</summary>
    public Uri BaseUri { get; }

    /// <summary>The REST host (<c>api.mist.com</c>).</summary>
    public string Host => BaseUri.Host;

    /// <summary>The WebSocket root (<c>wss://api-ws.mist.com/</c>; <c>ws://</c> for a plain-HTTP custom host).</summary>
    public Uri WebSocketBaseUri { get; }

    /// <summary>The WebSocket host (<c>api-ws.mist.com</c>).</summary>
    public string WebSocketHost => WebSocketBaseUri.Host;

    /// <summary>The stream endpoint, <see cref="WebSocketBaseUri"/> + <see cref="StreamPath"/>.</summary>
    public Uri WebSocketUri => new(WebSocketBaseUri, StreamPath);

    /// <summary>Whether this is a custom host rather than a public Mist cloud.</summary>
    public bool IsCustom => Region == MistCloudRegion.Custom;

    /// <summary>
    /// A cloud for any endpoint (the sandbox, a proxy). Its WebSocket root swaps a leading <c>api.</c> for
    /// <c>api-ws.</c> and keeps any other host as is; the scheme becomes <c>wss</c> (or <c>ws</c> for <c>http</c>).
    /// </summary>
    /// <param name="baseUri">An absolute <c>http</c> or <c>https</c> URL; any path is dropped.</param>
    public static MistCloud Custom(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (baseUri.IsAbsoluteUri && baseUri.UserInfo.Length > 0)
        {
            // Not echoed: user information is usually a credential.
            throw new ArgumentException("A Mist cloud URL must not carry user information ('user:password@'); credentials belong in the session options.", nameof(baseUri));
        }

        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"A Mist cloud URL must be an absolute http or https URL (was '{Shown(baseUri.OriginalString)}').", nameof(baseUri));
        }

        var root = new Uri(baseUri.GetLeftPart(UriPartial.Authority) + "/");
        return FindByHost(root.Host) is { } known && root.Scheme == Uri.UriSchemeHttps && root.IsDefaultPort
            ? known
            : new MistCloud(root.Authority, MistCloudRegion.Custom, root, WebSocketRoot(root));
    }

    /// <summary>
    /// Finds a cloud by display name (<c>Global 01</c>, <c>emea-02</c>, <c>APAC03</c>), by host (<c>api.eu.mist.com</c>,
    /// also its <c>manage.</c> or <c>api-ws.</c> form) or by URL; any other host or URL becomes a <see cref="Custom(Uri)"/> cloud.
    /// </summary>
    /// <exception cref="FormatException">The text is empty or not a usable host or URL.</exception>
    public static MistCloud Parse(string text) =>
        TryParse(text, out var cloud)
            ? cloud
            : throw new FormatException(text?.Contains('@', StringComparison.Ordinal) == true
                ? $"'{Shown(text)}' holds user information ('user:password@'), which a Mist cloud host or URL must not; credentials belong in the session options."
                : $"'{text}' is neither a Mist cloud name nor a host or URL.");

    /// <summary>The non-throwing form of <see cref="Parse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out MistCloud? cloud)
    {
        cloud = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var compact = Compact(text);
        cloud = All.FirstOrDefault(c => Compact(c.Name) == compact);
        if (cloud is not null)
        {
            return true;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0)
            {
                cloud = Custom(uri);
                return true;
            }

            return false;
        }

        cloud = FindByHost(text.TrimEnd('/'));
        if (cloud is null && Uri.TryCreate("https://" + text.TrimEnd('/'), UriKind.Absolute, out var hostUri) && hostUri.AbsolutePath == "/" && hostUri.UserInfo.Length == 0)
        {
            cloud = Custom(hostUri);
        }

        return cloud is not null;
    }

    /// <summary>The public cloud whose REST, WebSocket or portal (<c>manage.</c>) host is <paramref name="host"/>, or null.</summary>
    public static MistCloud? FindByHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var normalized = host.Trim().ToLowerInvariant();
        foreach (var prefix in (string[])["api-ws.", "manage."])
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                normalized = "api." + normalized[prefix.Length..];
            }
        }

        return All.FirstOrDefault(c => c.Host == normalized);
    }

    /// <inheritdoc />
    public bool Equals(MistCloud? other) => other is not null && BaseUri == other.BaseUri;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MistCloud);

    /// <inheritdoc />
    public override int GetHashCode() => BaseUri.GetHashCode();

    /// <summary><c>Global 01 (api.mist.com)</c>.</summary>
    public override string ToString() => IsCustom ? Name : $"{Name} ({Host})";

    private static MistCloud Public(string name, MistCloudRegion region, string host)
    {
        var root = new Uri("https://" + host + "/");
        return new MistCloud(name, region, root, WebSocketRoot(root));
    }

    private static Uri WebSocketRoot(Uri root)
    {
        var host = root.Host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) ? "api-ws." + root.Host[4..] : root.Host;
        var builder = new UriBuilder(root) { Scheme = root.Scheme == Uri.UriSchemeHttp ? "ws" : "wss", Host = host, Path = "/" };
        if (root.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }

    /// <summary>The text for an error message, without anything before an '@' (user information is usually a credential).</summary>
    private static string? Shown(string? text) =>
        text is not null && text.LastIndexOf('@') is var at and >= 0 ? "…" + text[at..] : text;

    private static string Compact(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
