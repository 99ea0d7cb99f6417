using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace InventoryRules.Rules.Model;

/// <summary>How rule set documents are read and written: camelCase as in rules-schema.json, "kind" anywhere in a rule.</summary>
public static class RuleSetJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        WriteIndented = false,
    };

    /// <summary>The typed document, or null when the JSON does not fit the model (schema validation says why).</summary>
    public static RuleSetDocument? TryRead(JsonNode? json)
    {
        if (json is null) return null;
        try
        {
            return json.Deserialize<RuleSetDocument>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
