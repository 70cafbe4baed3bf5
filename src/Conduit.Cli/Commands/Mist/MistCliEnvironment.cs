using Conduit.Mist.Credentials;
using Spectre.Console;

namespace Conduit.Cli.Commands.Mist;

/// <summary>
/// What the <c>conduit mist</c> commands take from the world — console, standard input, environment variables,
/// keyring, prompt, clock and the folder the login is kept in — so tests run them in-process without touching the
/// real user's home, keyring or terminal.
/// </summary>
internal sealed class MistCliEnvironment
{
    /// <summary>The variable that moves the CLI's configuration folder (default <c>$XDG_CONFIG_HOME/conduit</c>, else <c>~/.config/conduit</c>).</summary>
    public const string ConfigDirectoryVariable = "CONDUIT_CONFIG_DIR";

    /// <summary>The keyring service the CLI's own login is stored under.</summary>
    public const string DefaultKeyringService = "conduit-mist";

    private IKeyring? keyring;

    /// <summary>The console; <see cref="AnsiConsole.Console"/> (made by <see cref="CliConsole"/>) when null.</summary>
    public IAnsiConsole? Console { get; init; }

    /// <summary>Standard input (<c>--password-stdin</c>); the process's when null.</summary>
    public TextReader? Input { get; init; }

    /// <summary>The environment lookup; the process environment by default.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Creates the keyring on first use; <see cref="SystemKeyring.Create"/> by default.</summary>
    public Func<IKeyring> KeyringFactory { get; init; } = () => SystemKeyring.Create();

    /// <summary>Asks at the terminal (missing credentials, two-factor codes); <see cref="ConsoleMistPrompt"/> when null.</summary>
    public IMistPrompt? Prompt { get; init; }

    /// <summary>The clock (stream durations, session budgets).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The console to write to.</summary>
    public IAnsiConsole ResolveConsole() => Console ?? AnsiConsole.Console;

    /// <summary>The keyring, created once.</summary>
    public IKeyring Keyring => keyring ??= KeyringFactory();

    /// <summary>The prompt to ask with.</summary>
    public IMistPrompt ResolvePrompt() => Prompt ?? new ConsoleMistPrompt();

    /// <summary>
    /// The CLI's configuration folder: <c>CONDUIT_CONFIG_DIR</c>, else <c>$XDG_CONFIG_HOME/conduit</c>, else
    /// <c>~/.config/conduit</c> (the folder <c>conduit auth</c> keeps its sessions in).
    /// </summary>
    public string ConfigDirectory()
    {
        if (GetEnvironmentVariable(ConfigDirectoryVariable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var root = GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(root, "conduit");
    }
}
