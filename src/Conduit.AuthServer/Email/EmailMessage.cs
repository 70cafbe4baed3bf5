namespace Conduit.AuthServer.Email;

/// <summary>An email the auth service wants delivered.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body, which includes <paramref name="Token"/>.</param>
/// <param name="Kind">What the email is for.</param>
/// <param name="Token">The single-use token the email carries, for senders that build their own links.</param>
public sealed record EmailMessage(string To, string Subject, string Body, EmailKind Kind, string Token);
