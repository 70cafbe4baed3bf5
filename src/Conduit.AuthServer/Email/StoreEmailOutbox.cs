using Conduit.AuthServer.Security;
using Conduit.AuthServer.Storage;

namespace Conduit.AuthServer.Email;

/// <summary>Reads the outbox table through the store.</summary>
internal sealed class StoreEmailOutbox(IAuthStore store) : IEmailOutbox
{
    public Task<IReadOnlyList<OutboxMessage>> ListAsync(string? recipient = null, CancellationToken cancellationToken = default) =>
        store.ListOutboxAsync(recipient is null ? null : EmailAddressRules.Normalize(recipient), cancellationToken);

    public async Task<OutboxMessage?> FindLatestAsync(string recipient, EmailKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var messages = await ListAsync(recipient, cancellationToken).ConfigureAwait(false);
        return messages.LastOrDefault(m => m.Kind == kind);
    }
}
