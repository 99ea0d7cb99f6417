using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryRules.Api.Json;

/// <summary>
/// The wire's JSON settings: camelCase, names matched without regard to case, numbers only as
/// numbers (a quoted "2" is a wrong type, not a 2), instants with offsets, nulls left out of answers.
/// </summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new StrictInstantConverter());
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
