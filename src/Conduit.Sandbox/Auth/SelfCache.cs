namespace Conduit.Sandbox.Auth;

/// <summary>A cached <c>/self</c> body and the privilege list it was built from.</summary>
internal sealed record SelfCache(Privilege[] Privileges, byte[] Body);
