using System.Globalization;

namespace Conduit.Sandbox.State;

/// <summary>Deterministic UUIDs and secrets from one seeded generator (so a seed gives the same ids).</summary>
internal sealed class IdFactory(int seed)
{
    private readonly Random random = new(seed);
    private readonly Lock gate = new();

    public string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (gate)
        {
            random.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    public string NewHex(int bytes)
    {
        var buffer = new byte[bytes];
        lock (gate)
        {
            random.NextBytes(buffer);
        }

        return Convert.ToHexStringLower(buffer);
    }

    public int Next(int maxExclusive)
    {
        lock (gate)
        {
            return random.Next(maxExclusive);
        }
    }
}
