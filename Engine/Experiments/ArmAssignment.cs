using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace InventoryRules.Engine.Experiments;

/// <summary>
/// Which arm of an experiment an order goes to. A hash, not a random draw: the same order (or customer)
/// lands in the same arm on every replica and every retry, with no state to share, and the experiment id
/// in the hash keeps one experiment's split independent of another's.
/// </summary>
public static class ArmAssignment
{
    public const string Control = "control";
    public const string Variant = "variant";

    /// <summary>
    /// Where the key falls in [0, 1): the first 8 bytes of SHA-256(<c>experimentId:key</c>), big-endian, as
    /// an unsigned integer divided by 2^64.
    /// </summary>
    public static double Position(string experimentId, string key)
    {
        var text = experimentId + ":" + key;
        Span<byte> hash = stackalloc byte[32];
        var byteCount = Encoding.UTF8.GetByteCount(text);
        // Order and customer ids are short; the stack keeps the hot path free of allocations beyond the string.
        var bytes = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, bytes);
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
    }

    /// <summary><see cref="Variant"/> when the key's position is below the traffic share, else <see cref="Control"/>.</summary>
    public static string Assign(string experimentId, string key, double trafficShare) =>
        // A double cannot hold every 64-bit value: the largest hashes round up to 1.0, so a full share is said outright.
        trafficShare >= 1 || Position(experimentId, key) < trafficShare ? Variant : Control;
}
