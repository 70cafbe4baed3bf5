namespace Conduit.Mist.Credentials;

/// <summary>One run of a keyring tool: what to start, what to feed it, and how long to wait.</summary>
/// <param name="FileName">The executable, a name on <c>PATH</c> or a full path.</param>
/// <param name="Arguments">The arguments; never a secret.</param>
/// <param name="StandardInput">Text written to standard input, then closed (secrets go here); <see langword="null"/> for none.</param>
/// <param name="Environment">Variables set (or removed, when <see langword="null"/>) for the child process only.</param>
/// <param name="Timeout">How long to wait before the process is killed.</param>
internal sealed record KeyringCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    string? StandardInput,
    IReadOnlyDictionary<string, string?> Environment,
    TimeSpan Timeout);
