using System.Collections.Concurrent;
using Conduit.Mist.Credentials;

namespace Conduit.Cli.Tests.Mist;

/// <summary>A keyring in memory, so tests never touch the user's real keyring.</summary>
internal sealed class InMemoryKeyring : IKeyring
{
    private readonly ConcurrentDictionary<(string Service, string Account), string> items = new();

    public string Name => "in-memory keyring";

    public IReadOnlyDictionary<(string Service, string Account), string> Items => items;

    public string? GetPassword(string service, string account, CancellationToken cancellationToken = default) =>
        items.TryGetValue((service, account), out var secret) ? secret : null;

    public ValueTask<string?> GetPasswordAsync(string service, string account, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(GetPassword(service, account, cancellationToken));

    public void SetPassword(string service, string account, string secret, CancellationToken cancellationToken = default) =>
        items[(service, account)] = secret;

    public ValueTask SetPasswordAsync(string service, string account, string secret, CancellationToken cancellationToken = default)
    {
        SetPassword(service, account, secret, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public void DeletePassword(string service, string account, CancellationToken cancellationToken = default) =>
        items.TryRemove((service, account), out _);

    public ValueTask DeletePasswordAsync(string service, string account, CancellationToken cancellationToken = default)
    {
        DeletePassword(service, account, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
