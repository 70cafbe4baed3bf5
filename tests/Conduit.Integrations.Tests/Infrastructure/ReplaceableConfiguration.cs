using Microsoft.Extensions.Configuration;

namespace Conduit.Integrations.Tests.Infrastructure;

/// <summary>A configuration source whose whole content can be replaced, firing a reload like a changed file would.</summary>
public sealed class ReplaceableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public ReplaceableConfiguration(IDictionary<string, string?> data) => Replace(data, reload: false);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Replace(IDictionary<string, string?> data, bool reload = true)
    {
        Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
        if (reload)
        {
            OnReload();
        }
    }
}
