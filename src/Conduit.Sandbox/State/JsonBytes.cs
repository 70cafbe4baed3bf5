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
    public static byte[] Array(IReadOnlyList<byte[]> items) => Array(items, 0, items.Count, static item => item);

    /// <summary>
    /// Joins the serialised JSON of <paramref name="count"/> items from <paramref name="start"/> into a JSON array:
    /// one exact-size copy of each item's cached bytes, nothing re-serialised.
    /// </summary>
    public static byte[] Array<T>(IReadOnlyList<T> items, int start, int count, Func<T, byte[]> bytes)
    {
        var length = 2 + Math.Max(0, count - 1);
        for (var i = 0; i < count; i++)
        {
            length += bytes(items[start + i]).Length;
        }

        var result = new byte[length];
        var position = 0;
        result[position++] = (byte)'[';
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                result[position++] = (byte)',';
            }

            var item = bytes(items[start + i]);
            item.CopyTo(result, position);
            position += item.Length;
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
