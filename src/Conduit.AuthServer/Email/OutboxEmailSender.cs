using Conduit.AuthServer.Storage;

namespace Conduit.AuthServer.Email;

/// <summary>The default <see cref="IEmailSender"/>: writes each message to the outbox table.</summary>
internal sealed class OutboxEmailSender(IAuthStore store, TimeProvider timeProvider) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return store.AddOutboxMessageAsync(message, timeProvider.GetUtcNow(), cancellationToken);
    }
}
