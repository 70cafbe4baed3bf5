using Microsoft.Extensions.Options;

namespace Conduit.Integrations.DependencyInjection;

/// <summary>Validates every integration registered through DI; the failure lists every problem, each naming the integration and the field.</summary>
internal sealed class ConduitIntegrationsOptionsValidation : IValidateOptions<ConduitIntegrationsOptions>
{
    public ValidateOptionsResult Validate(string? name, ConduitIntegrationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.ReadErrors);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var integration in options.Integrations)
        {
            errors.AddRange(IntegrationOptionsValidation.Validate(integration, options.Environment, checkReferences: true));
            if (!string.IsNullOrWhiteSpace(integration.Name) && !names.Add(integration.Name))
            {
                errors.Add($"Integration '{integration.Name}': name is defined more than once.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
