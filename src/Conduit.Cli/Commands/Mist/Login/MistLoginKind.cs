namespace Conduit.Cli.Commands.Mist.Login;

/// <summary>How a stored Mist login authenticates.</summary>
internal enum MistLoginKind
{
    /// <summary>One or more API tokens.</summary>
    ApiToken,

    /// <summary>An email and a password (a login session per command).</summary>
    Login,
}
