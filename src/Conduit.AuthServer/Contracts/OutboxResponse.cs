namespace Conduit.AuthServer.Contracts;

/// <summary>Body of the development-only <c>GET admin/outbox</c>.</summary>
internal sealed record OutboxResponse(IReadOnlyList<OutboxMessageResponse> Messages);
