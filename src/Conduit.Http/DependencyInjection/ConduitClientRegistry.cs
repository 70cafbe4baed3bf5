namespace Conduit.Http.DependencyInjection;

/// <summary>The names of the clients registered in one service collection.</summary>
internal sealed class ConduitClientRegistry
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public static string HttpClientName(string name) => "Conduit:" + name;
}
