using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryRules.Api.Json;

/// <summary>
/// Instants must carry an offset (ISO 8601, "Z" or "+01:00"). Without one, System.Text.Json would
/// read the server's local zone, and the same event would mean another instant on another server.
/// </summary>
public sealed class StrictInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasOffset(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            throw new JsonException("expected an ISO 8601 instant with an offset, e.g. 2026-11-20T10:00:00Z");
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.Ordinal);
        if (time < 0) return false;
        var tail = text.AsSpan(time);
        return tail.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || tail.LastIndexOfAny('+', '-') > 0;
    }
}
