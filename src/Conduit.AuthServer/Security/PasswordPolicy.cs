namespace Conduit.AuthServer.Security;

/// <summary>Checks new passwords against <see cref="PasswordPolicyOptions"/>.</summary>
internal sealed class PasswordPolicy(PasswordPolicyOptions options)
{
    /// <summary>Returns what is wrong with <paramref name="password"/>, or <see langword="null"/> when it is acceptable.</summary>
    /// <remarks>The message describes the rule, never the password.</remarks>
    public string? Check(string password)
    {
        var problems = new List<string>(4);
        if (password.Length < options.MinimumLength)
        {
            problems.Add($"at least {options.MinimumLength} characters");
        }

        if (password.Length > options.MaximumLength)
        {
            return $"must be at most {options.MaximumLength} characters";
        }

        if (options.RequireUppercase && !password.Any(char.IsUpper))
        {
            problems.Add("an upper-case letter");
        }

        if (options.RequireLowercase && !password.Any(char.IsLower))
        {
            problems.Add("a lower-case letter");
        }

        if (options.RequireDigit && !password.Any(char.IsDigit))
        {
            problems.Add("a digit");
        }

        if (options.RequireNonAlphanumeric && password.All(char.IsLetterOrDigit))
        {
            problems.Add("a symbol");
        }

        return problems.Count == 0 ? null : "must contain " + string.Join(", ", problems);
    }
}
