using System.Text.Json;

namespace InventoryRules.Api.Retention;

/// <summary>Where a retention run stands: the cutoff it compacts to (fixed for the whole run) and the last position done.</summary>
public sealed record RetentionCheckpoint(long Cutoff, string AfterSku, string AfterNode)
{
    public string Write() => JsonSerializer.Serialize(this);

    public static RetentionCheckpoint? Read(string? text) => text is null ? null : JsonSerializer.Deserialize<RetentionCheckpoint>(text);
}
