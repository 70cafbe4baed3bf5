using Conduit.Mist.Clouds;
using Microsoft.Extensions.Options;

namespace Conduit.Mist.Sessions;

/// <summary>Checks <see cref="MistSessionOptions"/>, reporting every problem in one message (used by DI's <c>ValidateOnStart</c>).</summary>
public sealed class MistSessionOptionsValidation : IValidateOptions<MistSessionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MistSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws an <see cref="OptionsValidationException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(MistSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(MistSessionOptions), typeof(MistSessionOptions), errors);
        }
    }

    internal static IReadOnlyList<string> Errors(MistSessionOptions options)
    {
        var errors = new List<string>();
        if (options.Cloud is null && !string.IsNullOrWhiteSpace(options.Host) && !MistCloud.TryParse(options.Host, out _))
        {
            errors.Add($"{nameof(MistSessionOptions.Host)} '{options.Host}' is neither a Mist cloud name nor a host or URL.");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add($"{nameof(MistSessionOptions.Mode)} is not a known authentication mode (was {(int)options.Mode}; expected one of {string.Join(", ", Enum.GetNames<MistAuthenticationMode>())}).");
        }

        if (!Enum.IsDefined(options.WhenTokensExhausted))
        {
            errors.Add($"{nameof(MistSessionOptions.WhenTokensExhausted)} is not a known choice (was {(int)options.WhenTokensExhausted}; expected one of {string.Join(", ", Enum.GetNames<MistTokenExhaustion>())}).");
        }

        var mode = options.ResolveMode();
        var tokens = options.AllApiTokens();
        if (tokens.Any(t => t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            errors.Add("An API token contains whitespace or control characters.");
        }

        switch (mode)
        {
            case MistAuthenticationMode.ApiToken when tokens.Count == 0:
                errors.Add($"{nameof(MistSessionOptions.Mode)} is ApiToken but no API token is set ({nameof(MistSessionOptions.ApiToken)} or {nameof(MistSessionOptions.ApiTokens)}).");
                break;
            case MistAuthenticationMode.Login or MistAuthenticationMode.Basic:
                if (string.IsNullOrWhiteSpace(options.Email))
                {
                    errors.Add($"{nameof(MistSessionOptions.Email)} is required for {mode} authentication (or set an API token).");
                }

                if (string.IsNullOrEmpty(options.Password))
                {
                    errors.Add($"{nameof(MistSessionOptions.Password)} is required for {mode} authentication (or set an API token).");
                }

                break;
        }

        if (options.TwoFactorCode is { } code && (code.Trim().Length != 6 || !code.Trim().All(char.IsAsciiDigit)))
        {
            errors.Add($"{nameof(MistSessionOptions.TwoFactorCode)} must be six digits.");
        }

        if (options.CallsPerTokenPerWindow < 1)
        {
            errors.Add($"{nameof(MistSessionOptions.CallsPerTokenPerWindow)} must be at least 1 (was {options.CallsPerTokenPerWindow}).");
        }

        if (options.BudgetWindow <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(MistSessionOptions.BudgetWindow)} must be positive (was {options.BudgetWindow}).");
        }

        if (options.RateLimitedTokenCooldown <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(MistSessionOptions.RateLimitedTokenCooldown)} must be positive (was {options.RateLimitedTokenCooldown}).");
        }

        if (options.PageConcurrency is < 1 or > 64)
        {
            errors.Add($"{nameof(MistSessionOptions.PageConcurrency)} must be between 1 and 64 (was {options.PageConcurrency}).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero && options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{nameof(MistSessionOptions.AttemptTimeout)} must be positive or infinite (was {options.AttemptTimeout}).");
        }

        if (options.TotalTimeout <= TimeSpan.Zero && options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{nameof(MistSessionOptions.TotalTimeout)} must be positive or infinite (was {options.TotalTimeout}).");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            errors.Add($"{nameof(MistSessionOptions.MaxRetries)} must be between 0 and 20 (was {options.MaxRetries}).");
        }

        if (options.Proxy is { } proxy && (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{nameof(MistSessionOptions.Proxy)} must be an absolute http or https URL.");
        }

        if (options.TimeProvider is null)
        {
            errors.Add($"{nameof(MistSessionOptions.TimeProvider)} must not be null.");
        }

        return errors;
    }
}
