using System.Collections.Concurrent;
using Conduit.Mist.Credentials;

namespace Conduit.Mist.Tests.Credentials.Support;

/// <summary>An in-memory keyring that records every lookup.</summary>
internal sealed class FakeKeyring : IKeyring
{
    private readonly ConcurrentDictionary<(string Service, string Account), string> _items = new();

    public ConcurrentQueue<string> Lookups { get; } = new();

    public string Name => "fake keyring";

    public IReadOnlyDictionary<(string Service, string Account), string> Items => _items;

    public string? GetPassword(string service, string account, CancellationToken cancellationToken = default)
    {
        Lookups.Enqueue(account);
        return _items.TryGetValue((service, account), out var secret) ? secret : null;
    }

    public ValueTask<string?> GetPasswordAsync(string service, string account, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(GetPassword(service, account, cancellationToken));

    public void SetPassword(string service, string account, string secret, CancellationToken cancellationToken = default) =>
        _items[(service, account)] = secret;

    public ValueTask SetPasswordAsync(string service, string account, string secret, CancellationToken cancellationToken = default)
    {
        SetPassword(service, account, secret, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public void DeletePassword(string service, string account, CancellationToken cancellationToken = default) =>
        _items.TryRemove((service, account), out _);

    public ValueTask DeletePasswordAsync(string service, string account, CancellationToken cancellationToken = default)
    {
        DeletePassword(service, account, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
