namespace Conduit.Http;

/// <summary>Creates (once) and returns the named <see cref="ConduitClient"/>s registered with <c>AddConduitClient</c>.</summary>
public interface IConduitClientFactory
{
    /// <summary>Returns the client registered under <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">No client has that name.</exception>
    ConduitClient GetClient(string name);
}
