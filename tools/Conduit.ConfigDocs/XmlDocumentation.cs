using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Conduit.ConfigDocs;

/// <summary>
/// The XML documentation files the build writes beside each assembly (<c>GenerateDocumentationFile</c>), read as
/// Markdown: summaries with <c>&lt;see cref&gt;</c>, <c>&lt;c&gt;</c> and <c>&lt;see langword&gt;</c> turned into code spans.
/// </summary>
internal sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, XElement> members = new(StringComparer.Ordinal);

    private XmlDocumentation()
    {
    }

    /// <summary>Loads the documentation of <paramref name="assemblies"/> from the tool's own folder.</summary>
    /// <exception cref="FileNotFoundException">An assembly's documentation file is not there.</exception>
    public static XmlDocumentation Load(IEnumerable<Assembly> assemblies)
    {
        var documentation = new XmlDocumentation();
        foreach (var assembly in assemblies)
        {
            var path = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The XML documentation of {assembly.GetName().Name} is missing ({path}); build the tool so the documentation files are copied beside it.", path);
            }

            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name)
                {
                    documentation.members[name] = member;
                }
            }
        }

        return documentation;
    }

    /// <summary>The summary of a type as one line of Markdown, or null when it has none.</summary>
    public string? Summary(Type type) => Summary("T:" + XmlName(type));

    /// <summary>The summary of a property as one line of Markdown, or null when it has none.</summary>
    public string? Summary(PropertyInfo property) => Summary("P:" + XmlName(property.DeclaringType!) + "." + property.Name);

    private string? Summary(string memberId) =>
        members.TryGetValue(memberId, out var member) && member.Element("summary") is { } summary
            ? Whitespace().Replace(ToMarkdown(summary), " ").Trim()
            : null;

    private static string XmlName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string ToMarkdown(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("langword") is { } word => Code(word.Value),
                XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("href") is { } href =>
                    see.Value.Length > 0 ? $"[{see.Value}]({href.Value})" : href.Value,
                XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref =>
                    see.Value.Length > 0 ? see.Value : Code(CrefName(cref.Value)),
                XElement { Name.LocalName: "c" or "code" } code => Code(code.Value),
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => Code(reference.Attribute("name")?.Value ?? string.Empty),
                XElement { Name.LocalName: "para" or "br" } paragraph => " " + ToMarkdown(paragraph) + " ",
                XElement other => ToMarkdown(other),
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    // "P:Conduit.Http.ConduitClientOptions.Retry" -> "ConduitClientOptions.Retry"; "T:System.Uri" -> "Uri".
    private static string CrefName(string cref)
    {
        var kind = cref.Length > 2 && cref[1] == ':' ? cref[0] : 'T';
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var parameters = name.IndexOf('(', StringComparison.Ordinal);
        if (parameters >= 0)
        {
            name = name[..parameters];
        }

        name = GenericArity().Replace(name, string.Empty);
        var parts = name.Split('.');
        return kind == 'T' || parts.Length < 2 ? parts[^1] : parts[^2] + "." + parts[^1];
    }

    private static string Code(string text) => "`" + text.Trim() + "`";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"`+\d+")]
    private static partial Regex GenericArity();
}
