namespace Conduit.AuthServer.Email;

/// <summary>An email stored in the outbox table by the default <see cref="IEmailSender"/>.</summary>
/// <param name="Id">Position in the outbox; later messages have larger ids.</param>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
/// <param name="Kind">What the email is for.</param>
/// <param name="Token">The single-use token the email carries.</param>
/// <param name="CreatedAt">When the email was written.</param>
public sealed record OutboxMessage(long Id, string To, string Subject, string Body, EmailKind Kind, string Token, DateTimeOffset CreatedAt);
