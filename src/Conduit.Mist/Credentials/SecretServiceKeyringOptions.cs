namespace Conduit.Mist.Credentials;

/// <summary>How <see cref="SecretServiceKeyring"/> runs <c>secret-tool</c>.</summary>
public sealed class SecretServiceKeyringOptions
{
    /// <summary>The <c>secret-tool</c> executable (Debian package <c>libsecret-tools</c>). Default <c>secret-tool</c> on <c>PATH</c>.</summary>
    public string ExecutablePath { get; set; } = "secret-tool";

    /// <summary>
    /// Variables set for <c>secret-tool</c> only, e.g. <c>DBUS_SESSION_BUS_ADDRESS</c> to use a particular session bus;
    /// a <see langword="null"/> value removes the variable. The process environment is never changed.
    /// </summary>
    public IDictionary<string, string?> Environment { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>How long one <c>secret-tool</c> run may take before it is killed. Default 15 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
