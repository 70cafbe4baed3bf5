using Conduit.Integrations;
using Conduit.Integrations.DependencyInjection;
using Conduit.Integrations.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers each integration's health probe as an ASP.NET Core <see cref="IHealthCheck"/>.</summary>
public static class ConduitHealthChecksBuilderExtensions
{
    /// <summary>The prefix of the registrations' names: <c>conduit:</c> followed by the integration's name.</summary>
    public const string NamePrefix = "conduit:";

    /// <summary>
    /// Adds one health check per integration registered at start-up through <c>services.AddConduit(…)</c>, named
    /// <c>conduit:&lt;name&gt;</c> and tagged <c>conduit</c>. Integrations registered later at run time can be added with
    /// <see cref="AddConduitIntegration"/>.
    /// </summary>
    public static IHealthChecksBuilder AddConduitIntegrations(this IHealthChecksBuilder builder, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var tagList = (tags ?? ["conduit"]).ToArray();
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<ConduitIntegrationsOptions>>((health, conduit) =>
        {
            foreach (var integration in conduit.Value.Integrations)
            {
                var name = integration.Name;
                if (health.Registrations.All(r => r.Name != NamePrefix + name))
                {
                    health.Registrations.Add(Create(name, failureStatus, tagList));
                }
            }
        });
        return builder;
    }

    /// <summary>Adds the health check of one integration, by name.</summary>
    public static IHealthChecksBuilder AddConduitIntegration(this IHealthChecksBuilder builder, string name, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(Create(name, failureStatus, [.. tags ?? ["conduit"]]));
    }

    private static HealthCheckRegistration Create(string name, HealthStatus? failureStatus, string[] tags) =>
        new(NamePrefix + name, sp => new IntegrationHealthCheck(sp.GetRequiredService<IntegrationManager>(), name), failureStatus, tags);
}
