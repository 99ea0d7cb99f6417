using System.Text.Json;

namespace InventoryRules.Api.Operations;

/// <summary>
/// Where an accuracy-rollup run stands: accuracy done, then stockouts for events that arrived in (Since, Until],
/// position by position in key order. Since and Until are fixed when the run starts, so a resumed attempt walks
/// the same positions.
/// </summary>
public sealed record RollupCheckpoint(long? Since, long Until, string AfterSku, string AfterNode)
{
    public string Write() => JsonSerializer.Serialize(this);

    public static RollupCheckpoint? Read(string? text) => text is null ? null : JsonSerializer.Deserialize<RollupCheckpoint>(text);
}
