namespace Conduit.AuthServer.Email;

/// <summary>Delivers the emails of the auth service (verification, password reset).</summary>
/// <remarks>The default implementation writes to the outbox table; see <see cref="IEmailOutbox"/>.</remarks>
public interface IEmailSender
{
    /// <summary>Delivers <paramref name="message"/>.</summary>
    /// <param name="message">The email.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
