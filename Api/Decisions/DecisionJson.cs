using System.Text.Json;
using System.Text.Json.Serialization;
using InventoryRules.Api.Json;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// How requests, snapshots and results are stored in the decision log: the wire's settings, except that
/// a non-finite figure in a trace (a days-of-supply of infinity) is kept as "Infinity" instead of
/// failing the decision.
/// </summary>
public static class DecisionJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"stored {typeof(T).Name} is empty");

    static JsonSerializerOptions Create()
    {
        var options = JsonDefaults.Create();
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }
}
