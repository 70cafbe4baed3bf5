namespace Conduit.Sandbox.Hosting;

/// <summary>The values of the <c>X-Page-Total</c>, <c>X-Page-Limit</c> and <c>X-Page-Page</c> headers.</summary>
internal readonly record struct PageInfo(int Total, int Limit, int Page);
