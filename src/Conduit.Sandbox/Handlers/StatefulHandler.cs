using Conduit.Sandbox.Hosting;

namespace Conduit.Sandbox.Handlers;

/// <summary>A hand-written handler bound to an operation id of the document.</summary>
internal sealed record StatefulHandler(HandlerAccess Access, Func<SandboxRequest, SandboxResponse> Handle);
