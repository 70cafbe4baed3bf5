namespace Conduit.AuthServer.Contracts;

/// <summary>Every error: a machine-readable code, a human sentence and, for validation errors, one entry per field.</summary>
internal sealed record ErrorResponse(string Error, string Message, IReadOnlyDictionary<string, string>? Details);
