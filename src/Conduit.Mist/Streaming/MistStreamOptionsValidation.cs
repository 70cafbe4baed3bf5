using Microsoft.Extensions.Options;

namespace Conduit.Mist.Streaming;

/// <summary>Checks <see cref="MistStreamOptions"/>, reporting every problem in one message (usable with DI's <c>ValidateOnStart</c>).</summary>
public sealed class MistStreamOptionsValidation : IValidateOptions<MistStreamOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MistStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws an <see cref="OptionsValidationException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(MistStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(MistStreamOptions), typeof(MistStreamOptions), errors);
        }
    }

    internal static IReadOnlyList<string> Errors(MistStreamOptions options)
    {
        var errors = new List<string>();
        if (options.Url is null)
        {
            errors.Add($"{nameof(MistStreamOptions.Url)} is required (for example MistCloud.Global01.WebSocketUri).");
        }
        else if (!options.Url.IsAbsoluteUri || options.Url.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"{nameof(MistStreamOptions.Url)} must be an absolute ws:// or wss:// URL (was '{options.Url.GetLeftPart(UriPartial.Path)}').");
        }

        if (options.Credentials is null)
        {
            errors.Add($"{nameof(MistStreamOptions.Credentials)} is required (MistStreamCredentials.Token or MistStreamCredentials.Cookies).");
        }

        if (options.TimeProvider is null)
        {
            errors.Add($"{nameof(MistStreamOptions.TimeProvider)} is required.");
        }

        NotNegative(errors, nameof(MistStreamOptions.KeepAliveInterval), options.KeepAliveInterval);
        Positive(errors, nameof(MistStreamOptions.KeepAliveTimeout), options.KeepAliveTimeout);
        NotNegative(errors, nameof(MistStreamOptions.ReconnectInitialDelay), options.ReconnectInitialDelay);
        Positive(errors, nameof(MistStreamOptions.ReconnectMaxDelay), options.ReconnectMaxDelay);
        if (options.ReconnectMaxDelay < options.ReconnectInitialDelay)
        {
            errors.Add($"{nameof(MistStreamOptions.ReconnectMaxDelay)} ({options.ReconnectMaxDelay}) must not be below {nameof(MistStreamOptions.ReconnectInitialDelay)} ({options.ReconnectInitialDelay}).");
        }

        if (!double.IsFinite(options.ReconnectBackoffFactor) || options.ReconnectBackoffFactor < 1)
        {
            errors.Add($"{nameof(MistStreamOptions.ReconnectBackoffFactor)} must be at least 1 (was {options.ReconnectBackoffFactor}).");
        }

        if (options.MaxReconnectAttempts is < 1)
        {
            errors.Add($"{nameof(MistStreamOptions.MaxReconnectAttempts)} must be at least 1 or null (was {options.MaxReconnectAttempts}).");
        }

        Positive(errors, nameof(MistStreamOptions.ConnectTimeout), options.ConnectTimeout);
        Positive(errors, nameof(MistStreamOptions.CloseTimeout), options.CloseTimeout);
        Positive(errors, nameof(MistStreamOptions.SubscribeTimeout), options.SubscribeTimeout);
        if (options.MaxChannelsPerConnection < 1)
        {
            errors.Add($"{nameof(MistStreamOptions.MaxChannelsPerConnection)} must be at least 1 (was {options.MaxChannelsPerConnection}).");
        }

        if (options.EventBufferCapacity < 1)
        {
            errors.Add($"{nameof(MistStreamOptions.EventBufferCapacity)} must be at least 1 (was {options.EventBufferCapacity}).");
        }

        if (!Enum.IsDefined(options.OverflowPolicy))
        {
            errors.Add($"{nameof(MistStreamOptions.OverflowPolicy)} is not a known policy (was {(int)options.OverflowPolicy}).");
        }

        return errors;
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} must be positive (was {value}).");
        }
    }

    private static void NotNegative(List<string> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{name} must not be negative (was {value}).");
        }
    }
}
