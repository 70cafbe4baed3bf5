using System.Globalization;
using System.Text;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>
/// The naming rules of the generated SDK. Every C# name is derived from the document by these rules
/// alone (operation ids, tags, schema and property names, enum values); no name is kept by hand.
/// </summary>
internal static class SdkNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Member names every object already has; a generated member never takes one.</summary>
    public static readonly IReadOnlySet<string> ObjectMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>
    /// Splits an identifier into words at separators (anything not a letter or digit), lower-to-upper
    /// changes (<c>listOrgSites</c>) and the end of an acronym (<c>AAMWProfiles</c> → <c>AAMW</c>, <c>Profiles</c>).
    /// Digits stay with the word before them (<c>OAuth2</c>, <c>ap24</c>); an acronym's plural stays whole (<c>MSPs</c>).
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsAsciiLetterUpper(c))
            {
                var previous = current[^1];
                // An acronym's plural (MSPs, SLEs) stays one word: a lone "s" after capitals is not a new word.
                var pluralS = i + 1 < text.Length && text[i + 1] == 's' && (i + 2 == text.Length || !char.IsAsciiLetterLower(text[i + 2]));
                var nextIsLower = i + 1 < text.Length && char.IsAsciiLetterLower(text[i + 1]) && !pluralS;
                if (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous) || (char.IsAsciiLetterUpper(previous) && nextIsLower))
                {
                    Flush(words, current);
                }
            }

            current.Append(c);
        }

        Flush(words, current);
        return words;
    }

    /// <summary>
    /// A PascalCase identifier from any text: words capitalised, an all-capitals word (<c>API</c>,
    /// <c>SLEs</c>) written as a word (<c>Api</c>, <c>Sles</c>), a leading digit prefixed with <c>N</c>,
    /// and <c>Empty</c> for text with no letters or digits.
    /// </summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder();
        foreach (var word in Words(text))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            var rest = word[1..];
            builder.Append(IsAcronym(word) ? rest.ToLowerInvariant() : rest);
        }

        if (builder.Length == 0)
        {
            return "Empty";
        }

        return char.IsAsciiDigit(builder[0]) ? "N" + builder : builder.ToString();
    }

    /// <summary>A camelCase parameter name: <see cref="Pascal"/> with a lower-case first word, C# keywords prefixed with <c>@</c>.</summary>
    public static string Camel(string text)
    {
        var words = Words(text);
        var pascal = Pascal(text);
        if (pascal.StartsWith('N') && words.Count > 0 && char.IsAsciiDigit(words[0][0]))
        {
            return "n" + pascal[1..];
        }

        var firstLength = words.Count == 0 ? pascal.Length : Math.Min(words[0].Length, pascal.Length);
        var camel = pascal[..firstLength].ToLowerInvariant() + pascal[firstLength..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>The top-level group of a tag: its first word, e.g. <c>Orgs</c> for <c>Orgs Sites</c>, <c>Msps</c> for <c>MSPs Orgs</c>.</summary>
    public static string TopGroup(string tag)
    {
        var words = TagWords(tag);
        return words.Count == 0 ? "Misc" : Pascal(words[0]);
    }

    /// <summary>
    /// The sub-group of a tag: the words after the first, joined (<c>Sites</c> for <c>Orgs Sites</c>,
    /// <c>DevicesWiredVirtualChassis</c> for <c>Sites Devices - Wired - Virtual Chassis</c>); null when the
    /// tag is a single word (its operations sit on the top-level group).
    /// </summary>
    public static string? SubGroup(string tag)
    {
        var words = TagWords(tag);
        return words.Count < 2 ? null : string.Concat(words.Skip(1).Select(Pascal));
    }

    /// <summary>
    /// The tag an operation is grouped by: its first tag, or, for an untagged operation, one made of the
    /// first two literal path segments after the version (<c>/api/v1/orgs/{id}/wlans</c> → <c>orgs wlans</c>).
    /// </summary>
    public static string GroupTag(string? tag, string path)
    {
        if (!string.IsNullOrWhiteSpace(tag))
        {
            return tag;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.StartsWith('{') && !s.Equals("api", StringComparison.OrdinalIgnoreCase) && !IsVersion(s))
            .Take(2);
        var joined = string.Join(' ', segments);
        return joined.Length == 0 ? "Misc" : joined;
    }

    /// <summary>
    /// The method name of an operation within its group: the operation id in PascalCase, less the group's
    /// scope word (the singular of the top-level group, e.g. <c>Org</c>) and less a run of words that
    /// spells the sub-group (singular or plural). The verb (first word) always stays:
    /// <c>listOrgSites</c> in <c>Orgs Sites</c> → <c>List</c>; <c>ackOrgMultipleAlarms</c> in <c>Orgs Alarms</c> → <c>AckMultiple</c>.
    /// </summary>
    public static string Method(string operationId, string topGroup, string? subGroup)
    {
        var words = Words(operationId).Select(w => Pascal(w)).ToList();
        if (words.Count == 0)
        {
            return "Invoke";
        }

        var scope = Singular(topGroup);
        var scopeAt = words.FindIndex(1, w => Singular(w).Equals(scope, StringComparison.OrdinalIgnoreCase));
        if (scopeAt > 0)
        {
            words.RemoveAt(scopeAt);
        }

        if (subGroup is not null)
        {
            RemoveRun(words, Singular(subGroup));
        }

        return string.Concat(words);
    }

    /// <summary>The full operation id in PascalCase: the fallback when the short <see cref="Method"/> name is taken.</summary>
    public static string FullMethod(string operationId) => Pascal(operationId);

    /// <summary>The singular of a word for comparisons: <c>ies</c> → <c>y</c>, a trailing <c>s</c> dropped.</summary>
    public static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && word.Length > 3)
        {
            return word[..^3] + "y";
        }

        return word.EndsWith('s') || word.EndsWith('S') ? word[..^1] : word;
    }

    /// <summary>Gives <paramref name="name"/> a numeric suffix (2, 3…) until <paramref name="taken"/> does not hold it, then takes it.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static void RemoveRun(List<string> words, string spelled)
    {
        for (var start = 1; start < words.Count; start++)
        {
            var concatenated = new StringBuilder();
            for (var end = start; end < words.Count; end++)
            {
                concatenated.Append(words[end]);
                if (concatenated.Length > spelled.Length + 3)
                {
                    break;
                }

                if (Singular(concatenated.ToString()).Equals(spelled, StringComparison.OrdinalIgnoreCase))
                {
                    words.RemoveRange(start, end - start + 1);
                    return;
                }
            }
        }
    }

    private static List<string> TagWords(string tag)
        => [.. tag.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsAsciiLetterOrDigit))];

    private static bool IsVersion(string segment)
        => segment.Length >= 2 && (segment[0] == 'v' || segment[0] == 'V') && segment[1..].All(char.IsAsciiDigit);

    private static bool IsAcronym(string word)
    {
        var stem = word.Length > 2 && word[^1] == 's' ? word[..^1] : word;
        return stem.Length > 1 && stem.All(c => !char.IsAsciiLetterLower(c)) && stem.Any(char.IsAsciiLetterUpper);
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
