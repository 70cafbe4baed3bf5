namespace Conduit.Mist.Credentials;

/// <summary>Picks this machine's keyring.</summary>
public static class SystemKeyring
{
    /// <summary>
    /// Returns the keyring of this platform: <see cref="WindowsCredentialManagerKeyring"/> on Windows,
    /// <see cref="MacKeychainKeyring"/> on macOS, <see cref="SecretServiceKeyring"/> on Linux and FreeBSD when
    /// <c>secret-tool</c> is installed — otherwise an <see cref="UnavailableKeyring"/> that says what is missing.
    /// </summary>
    /// <param name="secretServiceOptions">How to run <c>secret-tool</c> on Linux; defaults when null.</param>
    /// <returns>The keyring.</returns>
    public static IKeyring Create(SecretServiceKeyringOptions? secretServiceOptions = null)
    {
        if (OperatingSystem.IsWindows())
        {
            return new WindowsCredentialManagerKeyring();
        }

        if (OperatingSystem.IsMacOS())
        {
            return File.Exists("/usr/bin/security")
                ? new MacKeychainKeyring()
                : new UnavailableKeyring("The macOS keychain tool /usr/bin/security is missing.");
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsFreeBSD())
        {
            var options = secretServiceOptions ?? new SecretServiceKeyringOptions();
            return FindExecutable(options.ExecutablePath) is not null
                ? new SecretServiceKeyring(options)
                : new UnavailableKeyring($"The Secret Service keyring needs '{options.ExecutablePath}', which is not installed (Debian/Ubuntu package libsecret-tools) or not on PATH.");
        }

        return new UnavailableKeyring($"Conduit supports no keyring on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
    }

    /// <summary>Finds an executable by path, or by name on <c>PATH</c>.</summary>
    /// <param name="name">A name such as <c>secret-tool</c>, or a path.</param>
    /// <param name="path">The search path; the process's <c>PATH</c> when null.</param>
    /// <returns>The full path, or <see langword="null"/> when not found.</returns>
    public static string? FindExecutable(string name, string? path = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || name.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        foreach (var folder in (path ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
