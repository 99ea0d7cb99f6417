using System.Net;

namespace InventoryRules.LoadTest;

/// <summary>
/// Load is only ever aimed at this machine: a mistyped URL must not turn the tool against a shared or
/// production service. Only "localhost" and loopback addresses (127.0.0.0/8, ::1) pass.
/// </summary>
static class LoopbackGuard
{
    public static bool IsLoopback(Uri url) => url.HostNameType switch
    {
        UriHostNameType.Dns => string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase),
        // DnsSafeHost drops the brackets of an IPv6 literal ("[::1]" -> "::1").
        UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address),
        _ => false,
    };
}
