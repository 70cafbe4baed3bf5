namespace Conduit.AuthServer.Contracts;

/// <summary>A plain acknowledgement.</summary>
internal sealed record MessageResponse(string Message);
