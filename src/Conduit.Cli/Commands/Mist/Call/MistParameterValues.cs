using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Conduit.Cli.Commands.Auth;
using Conduit.Http;
using Conduit.Mist.Api;
using Conduit.Mist.Models;

namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>
/// Turns <c>--param</c> text into the typed values the generated methods take (numbers, booleans, enums by their wire
/// names, lists, JSON, files), describes types for help, and makes harmless sample values for probing a method.
/// </summary>
internal static class MistParameterValues
{
    /// <summary>The type as a person reads it.</summary>
    public static string Describe(Type type)
    {
        var t = Underlying(type);
        if (ElementOf(t) is { } element)
        {
            return "array of " + Describe(element);
        }

        return t switch
        {
            _ when t == typeof(string) => "string",
            _ when t == typeof(bool) => "boolean",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "integer",
            _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "number",
            _ when t.IsEnum => "enum",
            _ when t == typeof(JsonElement) => "json",
            _ when t == typeof(MistFile) => "file (@path)",
            _ when t == typeof(RequestBody) => "bytes (@path)",
            _ when IsDictionary(t) => "object",
            _ => $"object ({t.Name})",
        };
    }

    /// <summary>The wire names of an enum (or of the elements of an enum list); empty for other types.</summary>
    public static IReadOnlyList<string> AllowedValues(Type type)
    {
        var t = Underlying(type);
        t = ElementOf(t) is { } element ? Underlying(element) : t;
        return t.IsEnum ? [.. EnumValues(t).Select(v => WireName(t, v))] : [];
    }

    /// <summary>Parses the texts given for one parameter (several for a list; a list also splits on commas).</summary>
    /// <exception cref="CommandInputException">A text does not fit the type; the message names the parameter.</exception>
    public static object? Parse(MistOperationParameter parameter, IReadOnlyList<string> texts)
    {
        var type = Underlying(parameter.ClrType);
        if (ElementOf(type) is { } element)
        {
            var items = texts.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Select(text => ParseOne(parameter, Underlying(element), text))
                .ToList();
            return ListOf(type, element, items)
                ?? throw new CommandInputException($"--param {parameter.Name}: values of type {Describe(type)} cannot be given on the command line.");
        }

        if (texts.Count > 1)
        {
            throw new CommandInputException($"--param {parameter.Name} was given {texts.Count} times; it takes one value.");
        }

        return ParseOne(parameter, type, texts[0]);
    }

    /// <summary>A harmless value of a type, for probing where a method puts a parameter; two variants that differ.</summary>
    public static object? Sample(Type type, bool second)
    {
        var t = Underlying(type);
        if (ElementOf(t) is { } element)
        {
            return ListOf(t, element, [Sample(element, second)]);
        }

        return t switch
        {
            _ when t == typeof(string) => second ? "probeb" : "probea",
            _ when t == typeof(bool) => !second,
            _ when t == typeof(int) => second ? 2 : 1,
            _ when t == typeof(long) => second ? 2L : 1L,
            _ when t == typeof(short) => (short)(second ? 2 : 1),
            _ when t == typeof(double) => second ? 2.0 : 1.0,
            _ when t == typeof(float) => second ? 2f : 1f,
            _ when t == typeof(decimal) => second ? 2m : 1m,
            _ when t.IsEnum => EnumSample(t, second),
            _ when t == typeof(JsonElement) => JsonDocument.Parse(second ? "\"b\"" : "\"a\"").RootElement.Clone(),
            _ when t == typeof(MistFile) => new MistFile(second ? "b.bin" : "a.bin", new byte[] { 1 }),
            _ when t == typeof(RequestBody) => new BytesBody(new byte[] { 1 }),
            _ when IsDictionary(t) || t.IsClass => EmptyObject(t),
            _ => null,
        };
    }

    /// <summary>The body as given to <c>--body</c>: JSON text, or <c>@file</c>; raw bodies may be any bytes.</summary>
    /// <exception cref="CommandInputException">The body is not valid JSON.</exception>
    public static RequestBody ParseBody(string text, bool raw)
    {
        var bytes = text.StartsWith('@') ? File.ReadAllBytes(text[1..]) : Encoding.UTF8.GetBytes(text);
        try
        {
            using var _ = JsonDocument.Parse(bytes);
            return JsonBody.FromText(Encoding.UTF8.GetString(bytes));
        }
        catch (JsonException ex) when (!raw)
        {
            throw new CommandInputException($"--body is not valid JSON: {ex.Message}");
        }
        catch (JsonException)
        {
            return new BytesBody(bytes);
        }
    }

    private static object? ParseOne(MistOperationParameter parameter, Type type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => null,
            },
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when type == typeof(short) => short.TryParse(text, NumberStyles.Integer, invariant, out var s) ? s : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, invariant, out var f) ? f : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Float, invariant, out var m) ? m : null,
            _ when type.IsEnum => EnumValues(type).FirstOrDefault(v =>
                string.Equals(WireName(type, v), text, StringComparison.OrdinalIgnoreCase) || string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase)),
            _ when type == typeof(JsonElement) => ParseJsonOrString(text),
            _ when type == typeof(MistFile) => MistFile.FromPath(text.StartsWith('@') ? text[1..] : text),
            _ when type == typeof(RequestBody) => new BytesBody(File.ReadAllBytes(text.StartsWith('@') ? text[1..] : text)),
            _ => ParseJson(parameter, type, text),
        };
        return value ?? throw new CommandInputException(
            $"--param {parameter.Name}: '{text}' is not {Article(Describe(type))}{(type.IsEnum ? $"; one of {string.Join(", ", AllowedValues(type))}" : string.Empty)}.");
    }

    private static object? ParseJson(MistOperationParameter parameter, Type type, string text)
    {
        var info = MistJsonContext.Default.GetTypeInfo(type)
            ?? throw new CommandInputException($"--param {parameter.Name}: values of type {type.Name} cannot be given on the command line.");
        try
        {
            return JsonSerializer.Deserialize(text.StartsWith('@') ? File.ReadAllText(text[1..]) : text, info);
        }
        catch (JsonException ex)
        {
            throw new CommandInputException($"--param {parameter.Name}: not valid JSON for {type.Name}: {ex.Message}");
        }
    }

    private static JsonElement ParseJsonOrString(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text, MistJsonContext.Default.String);
        }
    }

    private static string WireName(Type enumType, object value)
    {
        if (MistJsonContext.Default.GetTypeInfo(enumType) is JsonTypeInfo info)
        {
            var json = JsonSerializer.Serialize(value, info);
            return json.Length >= 2 && json[0] == '"' ? JsonSerializer.Deserialize(json, MistJsonContext.Default.String)! : json;
        }

        return value.ToString()!;
    }

    private static object EnumSample(Type type, bool second)
    {
        var values = EnumValues(type);
        return values[second && values.Count > 1 ? 1 : 0];
    }

    /// <summary>The members of an enum type, boxed, in <see cref="Enum.GetValues(Type)"/> order — without making an array of the enum type at run time (Native AOT).</summary>
    private static List<object> EnumValues(Type enumType) =>
        [.. Enum.GetValuesAsUnderlyingType(enumType).Cast<object>().Select(value => Enum.ToObject(enumType, value))];

    /// <summary>
    /// A list of <paramref name="listType"/> (<c>IList&lt;T&gt;</c>…) holding <paramref name="items"/>, made by the generated
    /// JSON metadata (which has every list type the operations take) instead of a generic type made at run time; null
    /// when the metadata lacks the list or element type.
    /// </summary>
    private static object? ListOf(Type listType, Type elementType, IEnumerable<object?> items)
    {
        if (MistJsonContext.Default.GetTypeInfo(listType) is not { } listInfo || MistJsonContext.Default.GetTypeInfo(elementType) is not { } elementInfo)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(JsonSerializer.SerializeToNode(item, elementInfo));
        }

        return JsonSerializer.Deserialize(array, listInfo);
    }

    /// <summary>An empty model or dictionary (<c>{}</c>) of <paramref name="type"/>, from the generated JSON metadata; null when it has none.</summary>
    private static object? EmptyObject(Type type)
    {
        if (MistJsonContext.Default.GetTypeInfo(type) is not { } info)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize("{}", info);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string) || !type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(ICollection<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>));

    private static string Article(string noun) => noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " + noun : "a " + noun;
}
