using System.Text.RegularExpressions;
using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Routing;

/// <summary>
/// A segment trie over the table's path templates, built once. Literal segments win over
/// segments with a parameter inside (<c>image{n}</c>), which win over whole-segment parameters;
/// matching backtracks, allocates only the captured values, and ignores one trailing slash.
/// </summary>
internal sealed partial class RouteTrie
{
    private readonly Node root = new();

    public RouteTrie(IEnumerable<TableOperation> operations)
    {
        foreach (var operation in operations)
        {
            Add(operation);
        }

        Freeze(root);
    }

    /// <summary>
    /// Matches <paramref name="path"/>. When several templates fit (<c>/sites/{id}/rssizones/{zone}</c>
    /// and <c>/sites/{id}/{zone_type}/count</c>), the first in priority order whose values
    /// <paramref name="accept"/> approves wins; failing that, the first with the method.
    /// </summary>
    public RouteMatch Match(string method, string path, Func<TableOperation, List<string>, bool>? accept = null)
    {
        if (path.Length > 1 && path[^1] == '/')
        {
            path = path[..^1];
        }

        if (path.Length == 0 || path[0] != '/')
        {
            return RouteMatch.NotFound;
        }

        var search = new Search(method == "HEAD" ? "GET" : method, method, accept);
        Find(root, path.AsSpan(1), new List<string>(4), search);
        return search.Accepted ?? search.Fallback
            ?? (search.Allow is { } allow ? RouteMatch.MethodNotAllowed(allow) : RouteMatch.NotFound);
    }

    private static bool Find(Node node, ReadOnlySpan<char> rest, List<string> values, Search search)
    {
        if (rest.IsEmpty)
        {
            return node.Methods.Count > 0 && search.Consider(node, values);
        }

        var slash = rest.IndexOf('/');
        var segment = slash < 0 ? rest : rest[..slash];
        var remainder = slash < 0 ? [] : rest[(slash + 1)..];
        if (segment.IsEmpty)
        {
            return false;
        }

        if (node.LiteralLookup.TryGetValue(segment, out var literal) && Find(literal, remainder, values, search))
        {
            return true;
        }

        foreach (var (prefix, suffix, child) in node.Embedded)
        {
            if (segment.Length > prefix.Length + suffix.Length && segment.StartsWith(prefix, StringComparison.Ordinal) && segment.EndsWith(suffix, StringComparison.Ordinal))
            {
                values.Add(segment[prefix.Length..^suffix.Length].ToString());
                var found = Find(child, remainder, values, search);
                values.RemoveAt(values.Count - 1);
                if (found)
                {
                    return true;
                }
            }
        }

        if (node.Parameter is { } parameter)
        {
            values.Add(segment.ToString());
            var found = Find(parameter, remainder, values, search);
            values.RemoveAt(values.Count - 1);
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    private void Add(TableOperation operation)
    {
        var node = root;
        var names = new List<string>();
        foreach (var segment in operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parameter = ParameterPattern().Match(segment);
            if (!parameter.Success)
            {
                node = GetOrAdd(node.Literals, segment);
                continue;
            }

            names.Add(parameter.Groups["name"].Value);
            var prefix = segment[..parameter.Index];
            var suffix = segment[(parameter.Index + parameter.Length)..];
            if (prefix.Length == 0 && suffix.Length == 0)
            {
                node = node.Parameter ??= new Node();
                continue;
            }

            var existing = node.Embedded.FirstOrDefault(e => e.Prefix == prefix && e.Suffix == suffix);
            if (existing.Child is null)
            {
                existing = (prefix, suffix, new Node());
                node.Embedded.Add(existing);
            }

            node = existing.Child;
        }

        operation.PathParameterOrder = [.. names];
        if (!node.Methods.TryAdd(operation.Method, operation))
        {
            throw new InvalidDataException($"Two operations route to {operation.Method} {operation.Path}.");
        }
    }

    private static Node GetOrAdd(Dictionary<string, Node> children, string key)
    {
        if (!children.TryGetValue(key, out var child))
        {
            child = new Node();
            children[key] = child;
        }

        return child;
    }

    private static void Freeze(Node node)
    {
        node.LiteralLookup = node.Literals.GetAlternateLookup<ReadOnlySpan<char>>();
        node.Allow = string.Join(", ", node.Methods.Keys.Order(StringComparer.Ordinal));
        foreach (var child in node.Literals.Values.Concat(node.Embedded.Select(e => e.Child)))
        {
            Freeze(child);
        }

        if (node.Parameter is not null)
        {
            Freeze(node.Parameter);
        }
    }

    [GeneratedRegex(@"\{(?<name>[^}/]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    private sealed class Search(string lookupMethod, string method, Func<TableOperation, List<string>, bool>? accept)
    {
        public RouteMatch? Accepted { get; private set; }

        public RouteMatch? Fallback { get; private set; }

        public string? Allow { get; private set; }

        /// <summary>Records a leaf; true when it is accepted and the search can stop.</summary>
        public bool Consider(Node leaf, List<string> values)
        {
            if (!leaf.Methods.TryGetValue(method, out var operation) && !leaf.Methods.TryGetValue(lookupMethod, out operation))
            {
                Allow ??= leaf.Allow;
                return false;
            }

            if (accept is null || accept(operation, values))
            {
                Accepted = RouteMatch.Found(operation, [.. values]);
                return true;
            }

            Fallback ??= RouteMatch.Found(operation, [.. values]);
            return false;
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Literals { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> LiteralLookup { get; set; }

        public List<(string Prefix, string Suffix, Node Child)> Embedded { get; } = [];

        public Node? Parameter { get; set; }

        public Dictionary<string, TableOperation> Methods { get; } = new(StringComparer.Ordinal);

        public string Allow { get; set; } = string.Empty;
    }
}
