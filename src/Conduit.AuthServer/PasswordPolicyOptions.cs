namespace Conduit.AuthServer;

/// <summary>The rules a new password must satisfy.</summary>
public sealed record PasswordPolicyOptions
{
    /// <summary>Minimum number of characters. Default 8.</summary>
    public int MinimumLength { get; init; } = AuthServerDefaults.MinimumPasswordLength;

    /// <summary>Maximum number of characters, which bounds hashing work. Default 128.</summary>
    public int MaximumLength { get; init; } = AuthServerDefaults.MaximumPasswordLength;

    /// <summary>Whether at least one upper-case letter is required. Default <see langword="true"/>.</summary>
    public bool RequireUppercase { get; init; } = true;

    /// <summary>Whether at least one lower-case letter is required. Default <see langword="true"/>.</summary>
    public bool RequireLowercase { get; init; } = true;

    /// <summary>Whether at least one digit is required. Default <see langword="true"/>.</summary>
    public bool RequireDigit { get; init; } = true;

    /// <summary>Whether at least one character that is neither a letter nor a digit is required. Default <see langword="true"/>.</summary>
    public bool RequireNonAlphanumeric { get; init; } = true;
}
