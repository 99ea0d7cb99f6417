using System.Text.Json;
using InventoryRules.Api.Json;
using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>
/// Reads a posted batch element by element, so that one malformed event is refused on its own and the
/// rest go on. Only a body that is not JSON, has no events array, or is too large fails as a whole.
/// </summary>
public static class EventBatchReader
{
    public sealed record Outcome(IReadOnlyList<IncomingEvent>? Events, FieldError? Error);

    public static async Task<Outcome> ReadAsync(Stream body, int maxBatch, JsonSerializerOptions options, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(body, default, ct);
        }
        catch (JsonException ex)
        {
            var (code, field, detail) = BadRequestHandler.Describe(ex);
            return new Outcome(null, new FieldError(field, code, detail));
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("events", out var events))
            {
                return new Outcome(null, new FieldError("events", ErrorCodes.MissingField, "the body is { \"events\": [ ... ] }"));
            }
            if (events.ValueKind != JsonValueKind.Array)
            {
                return new Outcome(null, new FieldError("events", ErrorCodes.InvalidType, "events must be an array"));
            }
            var count = events.GetArrayLength();
            if (count > maxBatch)
            {
                return new Outcome(null, new FieldError("events", ErrorCodes.BatchTooLarge,
                    $"{count} events in one batch; at most {maxBatch} are taken, so split it"));
            }
            var result = new List<IncomingEvent>(count);
            var index = 0;
            foreach (var element in events.EnumerateArray())
            {
                result.Add(Read(index++, element, options));
            }
            return new Outcome(result, null);
        }
    }

    static IncomingEvent Read(int index, JsonElement element, JsonSerializerOptions options)
    {
        var raw = element.GetRawText();
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new IncomingEvent(index, null, new EventRejection(ErrorCodes.MalformedEvent, "", "an event is a JSON object, not " + element.ValueKind.ToString().ToLowerInvariant()), raw);
        }
        try
        {
            return new IncomingEvent(index, element.Deserialize<EventInput>(options), null, raw);
        }
        catch (JsonException ex)
        {
            var (code, field, detail) = BadRequestHandler.Describe(ex);
            return new IncomingEvent(index, null, new EventRejection(code == ErrorCodes.MalformedJson ? ErrorCodes.MalformedEvent : code,
                field, detail), raw);
        }
    }
}
