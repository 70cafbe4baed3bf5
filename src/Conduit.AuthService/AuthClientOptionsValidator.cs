using Microsoft.Extensions.Options;

namespace Conduit.AuthService;

/// <summary>Validates <see cref="AuthClientOptions"/> at start-up, reporting every problem in one result.</summary>
public sealed class AuthClientOptionsValidator : IValidateOptions<AuthClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem, if there is any.</summary>
    /// <param name="options">The options to check.</param>
    public static void ThrowIfInvalid(AuthClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AuthClientOptions), errors);
        }
    }
}
