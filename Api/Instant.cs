using System.Globalization;

namespace InventoryRules.Api;

/// <summary>Parses instants from query strings with the same rule as bodies: an offset is required.</summary>
public static class Instant
{
    public static DateTimeOffset? Parse(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        var hasOffset = t > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(t).LastIndexOfAny('+', '-') > 0);
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
    }
}
