using Microsoft.Extensions.Configuration;

namespace Conduit.Integrations.DependencyInjection;

/// <summary>The integrations <c>services.AddConduit(…)</c> registers at start-up, validated when the host starts.</summary>
public sealed class ConduitIntegrationsOptions
{
    /// <summary>The integrations configured in code.</summary>
    public IList<IntegrationOptions> Integrations { get; } = [];

    /// <summary>Reads environment variables for <c>${ENV:NAME}</c> references. Default the process environment.</summary>
    public Func<string, string?>? Environment { get; set; }

    /// <summary>The configuration section whose integrations are loaded and watched for changes, if any.</summary>
    internal IConfiguration? Section { get; set; }

    /// <summary>Problems found while reading <see cref="Section"/> (unknown fields, values that do not parse).</summary>
    internal List<string> ReadErrors { get; } = [];
}
