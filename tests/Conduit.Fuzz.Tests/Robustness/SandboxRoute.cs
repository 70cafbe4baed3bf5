namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>One route of the sandbox's generated table: method, template and parameter names.</summary>
public sealed record SandboxRoute(string Method, string Template, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, bool HasBody);
