using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.Configuration;

namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>
/// Generators of configuration documents guided by the shape of an options class. Each known field is missing, a good
/// value of its kind (most often, so a fair share of documents binds and reaches validation and the code that uses the
/// options), a value of its kind at the edges, or any JSON at all; unknown fields are sprinkled in.
/// </summary>
internal static class ConfigShape
{
    private static readonly Gen<string> AnyKey = Gen.Frequency((3, FuzzGen.Text(1, 10)), (1, Gen.OneOf("$type", "0", "-1", "a:b", "__proto__", "Name", "name")));

    /// <summary>Any JSON at all (the wrong kind for most fields).</summary>
    public static readonly Gen<JsonNode?> AnyJson = FuzzGen.Json(2, AnyKey);

    /// <summary>A field that cannot be bound from configuration (an abstract type, a delegate): good is an empty object.</summary>
    public static readonly Kind Unbindable = new(Gen.Bool.Select(static _ => (JsonNode?)new JsonObject()), AnyJson);

    public static readonly Kind Int = new(
        Gen.Int[0, 100].Select(static n => (JsonNode?)JsonValue.Create(n)),
        Gen.Frequency(
            (2, FuzzGen.NumberText.Select(static s => (JsonNode?)JsonValue.Create(s))),
            (1, Gen.OneOf(int.MaxValue, int.MinValue, 0, -1, -5).Select(static n => (JsonNode?)JsonValue.Create(n))),
            (1, Gen.Long.Select(static n => (JsonNode?)JsonValue.Create(n))),
            (1, Gen.OneOf(1e300, -1e300, 0.5, 1e20).Select(static d => (JsonNode?)JsonValue.Create(d)))));

    public static readonly Kind Number = new(
        Gen.Double[0, 10].Select(static d => (JsonNode?)JsonValue.Create(d)),
        Gen.Frequency(
            (2, Gen.Double.Where(double.IsFinite).Select(static d => (JsonNode?)JsonValue.Create(d))),
            (2, Gen.OneOf("NaN", "Infinity", "-Infinity", "1e400", "-0", "-1", "1,5", "0x10").Select(static s => (JsonNode?)JsonValue.Create(s))),
            (1, FuzzGen.NumberText.Select(static s => (JsonNode?)JsonValue.Create(s)))));

    public static readonly Kind Bool = new(
        Gen.Bool.Select(static b => (JsonNode?)JsonValue.Create(b)),
        Gen.OneOf("True", "FALSE", "yes", "1", "0", "on", string.Empty, " true ").Select(static s => (JsonNode?)JsonValue.Create(s)));

    /// <summary>Durations: TimeSpan text that binds; at the edges seconds, unit suffixes and values past TimeSpan's range.</summary>
    public static readonly Kind Duration = new(
        Gen.Frequency(
            (3, Gen.Select(Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[0, 59]).Select(static (h, m, s) => (JsonNode?)JsonValue.Create($"{h:00}:{m:00}:{s:00}"))),
            (1, Gen.Int[1, 999].Select(static ms => (JsonNode?)JsonValue.Create($"00:00:00.{ms:000}"))),
            (1, Gen.Int[1, 3].Select(static d => (JsonNode?)JsonValue.Create($"{d}.00:00:00")))),
        Gen.Frequency(
            (2, Gen.Select(Gen.Double[-1e6, 1e6], Gen.OneOf("ms", "s", "m", "h", string.Empty, "d", "x"))
                .Select(static (n, u) => (JsonNode?)JsonValue.Create(n.ToString("R", CultureInfo.InvariantCulture) + u))),
            (2, Gen.OneOf("-00:00:00.001", "-00:00:01", "00:00:00", "10675199.02:48:05.4775807", "10675199.02:48:05.4775808", "-10675199.02:48:05.4775808",
                "1e10h", "1e300s", "9e15ms", "922337203685", "922337203686", "1e20", "-1e20m", "NaN", "Infinity", "99999999.00:00:00", "24:00:00",
                "00:60:00", "P1D", "1d", "5 s", "500ms", "30s", "5m", "1h").Select(static s => (JsonNode?)JsonValue.Create(s))),
            (1, Int.Edge)));

    public static readonly Kind Url = new(
        Gen.OneOf("https://api.example.com/v1/", "http://127.0.0.1:1/", "https://api.eu.mist.com", "http://[::1]:8080/x?y=1", "http://localhost:5000/api/")
            .Select(static s => (JsonNode?)JsonValue.Create(s)),
        Gen.Frequency(
            (3, Gen.OneOf("socks5://127.0.0.1:1080", "ftp://example.com/", "file:///etc/passwd", "/relative/path", "not a url", "http://", "https://user:pw@h/",
                "http://h:99999/", "mailto:a@b", "EMEA 01", "api.gc1.mist.com", "http://xn--nxasmq6b.example/", "https://ünï.example/", "http://h/#frag")
                .Select(static s => (JsonNode?)JsonValue.Create(s))),
            (1, FuzzGen.Text(0, 20).Select(static s => (JsonNode?)JsonValue.Create(s)))));

    public static readonly Kind Text = new(
        FuzzGen.Text(0, 20).Select(static s => (JsonNode?)JsonValue.Create(s)),
        Gen.OneOf(string.Empty, " ", "${ENV:CONDUIT_FUZZ_UNSET}", "${ENV:}", "${ENV:PATH}", "a,b,,c", "123456", "\u0000", "[", "(?<", "*").Select(static s => (JsonNode?)JsonValue.Create(s)));

    public static readonly Kind TextList = new(
        Text.Good.Array[0, 4].Select(static items => (JsonNode?)new JsonArray([.. items])),
        Gen.Frequency((2, Text.Edge.Array[1, 3].Select(static items => (JsonNode?)new JsonArray([.. items]))), (1, Text.Good)));

    public static readonly Kind IntList = new(
        Gen.Int[100, 599].Array[0, 5].Select(static items => (JsonNode?)new JsonArray([.. items.Select(static n => (JsonNode?)JsonValue.Create(n))])),
        Gen.Frequency(
            (2, Int.Edge.Array[1, 4].Select(static items => (JsonNode?)new JsonArray([.. items]))),
            (1, Gen.OneOf("429,503", "500 502", "abc", "700").Select(static s => (JsonNode?)JsonValue.Create(s)))));

    /// <summary>A map of names to text values (headers).</summary>
    public static readonly Kind Map = new(
        Gen.Select(Gen.OneOf("Accept", "X-Api-Key", "X-Trace", "Accept-Language"), Text.Good).Array[0, 3].Select(static pairs => ToObject(pairs.Select(static p => (p.Item1, p.Item2)))),
        Gen.Select(FuzzGen.Text(1, 8), Gen.OneOf(Text.Good, Text.Edge)).Array[1, 3].Select(static pairs => ToObject(pairs.Select(static p => (p.Item1, p.Item2)))));

    /// <summary>One of the names (good) or any text (edge).</summary>
    public static Kind OneOf(params string[] names) => new(Gen.OneOf(names).Select(static s => (JsonNode?)JsonValue.Create(s)), Text.Good);

    /// <summary>An object whose known fields are each missing, good, at the edges or any JSON, plus a few unknown fields.</summary>
    public static Kind Object(params (string Name, Kind Value)[] fields)
    {
        var acc = Gen.Const(ImmutableFields.Empty);
        foreach (var (name, kind) in fields)
        {
            acc = Gen.Select(acc, kind.Field, (list, f) => f.Present ? list.Add(name, f.Value) : list);
        }

        var unknown = Gen.Select(AnyKey, AnyJson).Array[0, 2];
        var good = Gen.Select(acc, unknown, static (known, extra) => ToObject(known.Items.Concat(extra.Select(static e => (e.Item1, e.Item2)))));
        return new Kind(good, AnyJson);
    }

    /// <summary>Builds configuration from a JSON document, as <c>AddJsonStream</c> would from a file.</summary>
    /// <returns>The configuration, or null when the configuration system itself refuses the document (before any Conduit code runs).</returns>
    public static IConfigurationRoot? Build(JsonNode document)
    {
        try
        {
            return new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()))).Build();
        }
        catch (FormatException)
        {
            // For example a key that differs only in case from a sibling after flattening ("a:b" next to "a": {"b": …}).
            return null;
        }
    }

    private static JsonNode? ToObject(IEnumerable<(string Name, JsonNode? Value)> pairs)
    {
        var o = new JsonObject();
        foreach (var (name, value) in pairs)
        {
            if (!o.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                o[name] = value?.DeepClone();
            }
        }

        return o;
    }

    /// <summary>The values of one kind of field: good ones, ones at the edges, and (via <see cref="Field"/>) any JSON.</summary>
    public sealed record Kind(Gen<JsonNode?> Good, Gen<JsonNode?> Edge)
    {
        /// <summary>A field of this kind: missing, good (most often), at the edges, or any JSON.</summary>
        public Gen<(bool Present, JsonNode? Value)> Field => Gen.Frequency(
            (20, Gen.Const<(bool, JsonNode?)>((false, null))),
            (40, Good.Select(static v => (true, v))),
            (2, Edge.Select(static v => (true, v))),
            (1, AnyJson.Select(static v => (true, v))));

        /// <summary>Any value of this kind (good, edge or any JSON), never missing.</summary>
        public Gen<JsonNode?> Value => Gen.Frequency((8, Good), (2, Edge), (1, AnyJson));
    }

    /// <summary>An immutable list of fields built up one generator at a time (so CsCheck can shrink each field).</summary>
    private sealed class ImmutableFields
    {
        public static readonly ImmutableFields Empty = new([]);

        private ImmutableFields((string, JsonNode?)[] items) => Items = items;

        public (string Name, JsonNode? Value)[] Items { get; }

        public ImmutableFields Add(string name, JsonNode? value) => new([.. Items, (name, value)]);
    }
}
