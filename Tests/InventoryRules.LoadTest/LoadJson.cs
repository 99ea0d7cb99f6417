using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryRules.LoadTest;

/// <summary>
/// Source-generated System.Text.Json metadata: the tool shares two cores with the service it measures,
/// so serialising bodies should cost as little as possible and never warm up reflection mid-run.
/// Web defaults: camelCase names, names matched without regard to case.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SourceRequest))]
[JsonSerializable(typeof(AvailabilityRequest))]
[JsonSerializable(typeof(SourceDecision))]
[JsonSerializable(typeof(ResultPage<PositionRow>))]
[JsonSerializable(typeof(List<NodeRow>))]
[JsonSerializable(typeof(RunReport))]
sealed partial class LoadJson : JsonSerializerContext;
