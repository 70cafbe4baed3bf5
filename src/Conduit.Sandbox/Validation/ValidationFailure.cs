using System.Text.Json.Nodes;
using Conduit.Sandbox.Hosting;

namespace Conduit.Sandbox.Validation;

/// <summary>Builds the 400 answers of request validation: <c>detail</c> plus the parameter and the reason.</summary>
internal static class ValidationFailure
{
    public static SandboxResponse Parameter(string location, string name, string reason)
        => SandboxResponse.Error(400, $"Invalid {location} parameter '{name}': {reason}", new JsonObject
        {
            ["parameter"] = name,
            ["in"] = location,
            ["reason"] = reason,
        });

    public static SandboxResponse Body(string reason, int status = 400)
        => SandboxResponse.Error(status, reason, new JsonObject { ["parameter"] = "body", ["in"] = "body", ["reason"] = reason });
}
