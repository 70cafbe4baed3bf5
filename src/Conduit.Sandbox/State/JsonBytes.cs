using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.State;

/// <summary>Serialises JSON nodes to UTF-8 bytes without reflection.</summary>
internal static class JsonBytes
{
    public static byte[] From(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Joins already serialised JSON values into a JSON array.</summary>
    public static byte[] Array(IReadOnlyList<byte[]> items)
    {
        var length = 2 + Math.Max(0, items.Count - 1);
        foreach (var item in items)
        {
            length += item.Length;
        }

        var result = new byte[length];
        var position = 0;
        result[position++] = (byte)'[';
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                result[position++] = (byte)',';
            }

            items[i].CopyTo(result, position);
            position += items[i].Length;
        }

        result[position] = (byte)']';
        return result;
    }

    /// <summary>Forces every lazily parsed object and array to materialise, so later reads are thread-safe.</summary>
    public static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    Materialize(value);
                }

                break;
        }
    }
}
