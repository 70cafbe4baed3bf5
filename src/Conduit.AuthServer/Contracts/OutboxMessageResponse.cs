namespace Conduit.AuthServer.Contracts;

/// <summary>An outbox email as the development-only admin route shows it.</summary>
internal sealed record OutboxMessageResponse(long Id, string To, string Subject, string Body, string Kind, string Token, DateTime CreatedAt);
