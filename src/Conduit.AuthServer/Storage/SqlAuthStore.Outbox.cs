using Conduit.AuthServer.Email;
using Conduit.AuthServer.Security;
using static Conduit.AuthServer.Storage.SqlCommands;

namespace Conduit.AuthServer.Storage;

/// <summary>The email outbox table.</summary>
internal abstract partial class SqlAuthStore
{
    private const string OutboxColumns = "id, recipient, subject, body, kind, token, created_at";

    public async Task AddOutboxMessageAsync(EmailMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(lease.Connection, null,
            "INSERT INTO email_outbox (recipient, recipient_normalized, subject, body, kind, token, created_at) " +
            "VALUES (@recipient, @normalized, @subject, @body, @kind, @token, @created)",
            cancellationToken, ("@recipient", message.To), ("@normalized", EmailAddressRules.Normalize(message.To)), ("@subject", message.Subject),
            ("@body", message.Body), ("@kind", KindName(message.Kind)), ("@token", message.Token), ("@created", ToUnixMs(now))).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListOutboxAsync(string? normalizedRecipient, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = normalizedRecipient is null
            ? Create(lease.Connection, null, $"SELECT {OutboxColumns} FROM email_outbox ORDER BY id")
            : Create(lease.Connection, null, $"SELECT {OutboxColumns} FROM email_outbox WHERE recipient_normalized = @recipient ORDER BY id", ("@recipient", normalizedRecipient));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                ParseKind(reader.GetString(4)),
                reader.GetString(5),
                FromUnixMs(reader.GetInt64(6))));
        }

        return messages;
    }

    private static string KindName(EmailKind kind) => kind switch
    {
        EmailKind.EmailVerification => "email_verification",
        EmailKind.PasswordReset => "password_reset",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static EmailKind ParseKind(string name) =>
        name == "password_reset" ? EmailKind.PasswordReset : EmailKind.EmailVerification;
}
