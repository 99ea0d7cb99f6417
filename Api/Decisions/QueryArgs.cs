using System.Globalization;
using InventoryRules.Engine;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Query parameters read as text and parsed here, so that one that does not parse is reported as
/// <c>invalid_value</c> on the parameter itself, saying what was expected, instead of the framework's bind
/// failure (which names .NET types). Instants also need an offset here, as in bodies. An empty value
/// (<c>from=</c>) is no filter, as the framework's binding treated it.
/// </summary>
public static class QueryArgs
{
    public const string InstantFormat = "an ISO 8601 instant with an offset, e.g. 2026-11-20T10:00:00Z or 2026-11-20T11:00:00+01:00";

    public static DateTimeOffset? ParseInstant(string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (InventoryRules.Api.Instant.Parse(text) is { } at) return at;
        errors.Add(new(name, ErrorCodes.InvalidValue, $"{name} must be {InstantFormat}; got '{text}'"));
        return null;
    }

    public static int? ParseWholeNumber(string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(new(name, ErrorCodes.InvalidValue, $"{name} must be a whole number; got '{text}'"));
        return null;
    }
}
