using System.Text;
using Microsoft.Extensions.Options;

namespace Conduit.AuthServer;

/// <summary>Checks <see cref="AuthServerOptions"/> and reports every problem at once.</summary>
internal static class AuthServerOptionsValidator
{
    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem, or returns the options.</summary>
    public static AuthServerOptions ValidateOrThrow(AuthServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options);
        return errors.Count == 0
            ? options
            : throw new OptionsValidationException(nameof(AuthServerOptions), typeof(AuthServerOptions), errors);
    }

    /// <summary>Returns one message per problem; empty when the options are valid.</summary>
    public static List<string> Validate(AuthServerOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            errors.Add("SigningKey is required.");
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < AuthServerDefaults.MinimumSigningKeyBytes)
        {
            errors.Add($"SigningKey must be at least {AuthServerDefaults.MinimumSigningKeyBytes} bytes long (UTF-8).");
        }

        if (string.IsNullOrEmpty(options.BasePath) || options.BasePath[0] != '/' || options.BasePath.Contains('?', StringComparison.Ordinal)
            || options.BasePath.Contains('#', StringComparison.Ordinal) || options.BasePath.Contains("//", StringComparison.Ordinal))
        {
            errors.Add("BasePath must start with '/' and contain no '?', '#' or empty segment.");
        }

        RequireText(errors, options.Issuer, nameof(options.Issuer));
        RequireText(errors, options.Audience, nameof(options.Audience));
        RequirePositive(errors, options.AccessTokenLifetime, nameof(options.AccessTokenLifetime));
        RequirePositive(errors, options.RefreshTokenLifetime, nameof(options.RefreshTokenLifetime));
        RequirePositive(errors, options.EmailVerificationTokenLifetime, nameof(options.EmailVerificationTokenLifetime));
        RequirePositive(errors, options.PasswordResetTokenLifetime, nameof(options.PasswordResetTokenLifetime));
        RequirePositive(errors, options.LoginThrottleWindow, nameof(options.LoginThrottleWindow));
        if (options.ClockSkew < TimeSpan.Zero)
        {
            errors.Add("ClockSkew must not be negative.");
        }

        if (options.StorageProvider == AuthStorageProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("ConnectionString is required when StorageProvider is PostgreSql.");
        }

        if (!Enum.IsDefined(options.StorageProvider))
        {
            errors.Add("StorageProvider is not a known provider.");
        }

        RequirePositive(errors, options.PasswordHashIterations, nameof(options.PasswordHashIterations));
        RequirePositive(errors, options.MaxFailedLoginsPerAccount, nameof(options.MaxFailedLoginsPerAccount));
        RequirePositive(errors, options.MaxFailedLoginsPerIp, nameof(options.MaxFailedLoginsPerIp));
        RequirePositive(errors, options.MaxRequestBodyBytes, nameof(options.MaxRequestBodyBytes));
        if (options.Port is < 0 or > 65535)
        {
            errors.Add("Port must be between 0 and 65535.");
        }

        if (options.PasswordPolicy is null)
        {
            errors.Add("PasswordPolicy is required.");
        }
        else
        {
            RequirePositive(errors, options.PasswordPolicy.MinimumLength, "PasswordPolicy.MinimumLength");
            if (options.PasswordPolicy.MaximumLength < options.PasswordPolicy.MinimumLength)
            {
                errors.Add("PasswordPolicy.MaximumLength must be at least PasswordPolicy.MinimumLength.");
            }
        }

        if (options.TimeProvider is null)
        {
            errors.Add("TimeProvider is required.");
        }

        if (options.ListenAddress is null)
        {
            errors.Add("ListenAddress is required.");
        }

        return errors;
    }

    private static void RequireText(List<string> errors, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} is required.");
        }
    }

    private static void RequirePositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{name} must be positive.");
        }
    }

    private static void RequirePositive(List<string> errors, long value, string name)
    {
        if (value <= 0)
        {
            errors.Add($"{name} must be positive.");
        }
    }
}
