namespace Conduit.Integrations;

/// <summary>
/// Integration configuration is invalid. <see cref="Errors"/> lists every problem, each naming the integration and the
/// field; the message joins them. Messages never contain a secret value.
/// </summary>
public sealed class IntegrationConfigurationException : Exception
{
    /// <summary>Creates the exception from a list of problems.</summary>
    public IntegrationConfigurationException(IReadOnlyList<string> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one message.</summary>
    public IntegrationConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public IntegrationConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates an empty exception (for serialisers and mocks).</summary>
    public IntegrationConfigurationException()
        : this("Integration configuration is invalid.")
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string BuildMessage(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? "Integration configuration is invalid: " + errors[0]
            : $"Integration configuration is invalid ({errors.Count} problems):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(static e => "  - " + e));
    }
}
