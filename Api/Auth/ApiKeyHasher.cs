using System.Security.Cryptography;
using System.Text;

namespace InventoryRules.Api.Auth;

/// <summary>
/// Keys are stored as SHA-256 digests. Issued keys carry 256 random bits, so a fast hash is enough:
/// a slow password hash guards low-entropy secrets and would cost every request milliseconds.
/// </summary>
public static class ApiKeyHasher
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => "ir_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(9));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
