namespace Conduit.AuthServer.Email;

/// <summary>Reads the emails the default sender wrote to the outbox table (development, tests, the CLI).</summary>
public interface IEmailOutbox
{
    /// <summary>Lists outbox messages, oldest first.</summary>
    /// <param name="recipient">Only messages to this address (case-insensitive); <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<OutboxMessage>> ListAsync(string? recipient = null, CancellationToken cancellationToken = default);

    /// <summary>Returns the newest message of <paramref name="kind"/> to <paramref name="recipient"/>, or <see langword="null"/>.</summary>
    /// <param name="recipient">Recipient address (case-insensitive).</param>
    /// <param name="kind">Kind of email.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<OutboxMessage?> FindLatestAsync(string recipient, EmailKind kind, CancellationToken cancellationToken = default);
}
