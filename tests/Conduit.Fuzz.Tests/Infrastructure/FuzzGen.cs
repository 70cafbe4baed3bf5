using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>Generators shared by the properties: text of every kind, numbers at the edges, and random JSON.</summary>
internal static class FuzzGen
{
    /// <summary>Characters that mean something in URLs, headers, JSON or logs.</summary>
    public const string Reserved = "!#$&'()*+,/:;=?@[]%\"\\<>^`{|}~ .-_";

    /// <summary>One Unicode scalar value (never a lone surrogate): ASCII, reserved, controls, Latin-1, CJK, emoji.</summary>
    public static readonly Gen<string> Scalar = Gen.Frequency(
        (6, Gen.Char[' ', '~'].Select(static c => c.ToString())),
        (4, Gen.Char[Reserved].Select(static c => c.ToString())),
        (1, Gen.Char['\0', '\x1f'].Select(static c => c.ToString())),
        (2, Gen.Char['\u00a0', '\u024f'].Select(static c => c.ToString())),
        (1, Gen.Char['\u4e00', '\u9fff'].Select(static c => c.ToString())),
        (1, Gen.Int[0x1F300, 0x1FAFF].Select(static cp => char.ConvertFromUtf32(cp))),
        (1, Gen.OneOf("\u200b", "\ufeff", "\u2028", "\u0301", "\ufffd")));

    /// <summary>Valid Unicode text (may be empty) mixing every kind of character.</summary>
    public static Gen<string> Text(int min, int max) => Scalar.Array[min, max].Select(static parts => string.Concat(parts));

    /// <summary>Any UTF-16 text, lone surrogates included (CsCheck's own string generator plus edge cases).</summary>
    public static readonly Gen<string> AnyText = Gen.Frequency(
        (3, Gen.String),
        (3, Text(0, 40)),
        (1, Gen.OneOf("\ud800", "a\udc00b", "\udfff\ud800", string.Empty, " ", "\r\n", "\0")));

    /// <summary>Number-like text: digits, signs, points, exponents, whitespace, overflow and special values.</summary>
    public static readonly Gen<string> NumberText = Gen.Frequency(
        (4, Gen.Long.Select(static n => n.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.Int[0, 100_000].Select(static n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Double.Select(static d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Char["0123456789"].Array[1, 400].Select(static d => new string(d))),
        (2, Gen.Select(Gen.OneOf("", " ", "+", "-", "\t", "0x", "00"), Gen.Long[-10_000, 10_000_000_000_000], Gen.OneOf("", " ", ".", ".5", "e3", "e400", "x", "\0"))
            .Select(static (a, n, b) => a + n.ToString(CultureInfo.InvariantCulture) + b)),
        (1, Gen.OneOf("NaN", "Infinity", "-Infinity", "∞", "1,000", "1_000", "１２３", "٣", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483647", "2147483648", "4294967296", "-0", "0.0", ".", "1.", "1e", "1e-400", "79228162514264337593543950336")));

    /// <summary>Any random JSON value with up to <paramref name="depth"/> levels, keys drawn from <paramref name="keys"/> or random.</summary>
    public static Gen<JsonNode?> Json(int depth, Gen<string> keys)
    {
        var scalar = Gen.Frequency(
            (3, Text(0, 12).Select(static s => (JsonNode?)JsonValue.Create(s))),
            (2, NumberText.Select(static s => (JsonNode?)JsonValue.Create(s))),
            (2, Gen.Long.Select(static n => (JsonNode?)JsonValue.Create(n))),
            (1, Gen.Double.Where(double.IsFinite).Select(static d => (JsonNode?)JsonValue.Create(d))),
            (1, Gen.Bool.Select(static b => (JsonNode?)JsonValue.Create(b))),
            (1, Gen.Const((JsonNode?)null)));
        if (depth <= 0)
        {
            return scalar;
        }

        var child = Json(depth - 1, keys);
        var array = child.Array[0, 4].Select(static items => (JsonNode?)new JsonArray([.. items]));
        var obj = Gen.Select(keys, child).Array[0, 6].Select(static pairs =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                // Configuration keys are case-insensitive: a second key differing only in case is a different document.
                if (!o.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
                {
                    o[key] = value;
                }
            }

            return (JsonNode?)o;
        });
        return Gen.Frequency((4, scalar), (2, obj), (1, array));
    }

    /// <summary>Bytes that are not valid UTF-8, alone or inside otherwise fine text.</summary>
    public static readonly Gen<byte[]> InvalidUtf8 = Gen.Select(
        Text(0, 10), Gen.OneOf<byte[]>([0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]), Text(0, 10))
        .Select(static (a, bad, b) => (byte[])[.. Encoding.UTF8.GetBytes(a), .. bad, .. Encoding.UTF8.GetBytes(b)]);

    /// <summary>Text as it would be printed in a failure message: escaped, so controls and surrogates stay visible.</summary>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }
}
