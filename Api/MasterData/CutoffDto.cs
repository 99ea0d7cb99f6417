namespace InventoryRules.Api.MasterData;

/// <summary>A carrier cut-off on the wire: days "mon".."sun", time "HH:mm", an IANA time zone.</summary>
public sealed record CutoffDto
{
    public string? Carrier { get; init; }
    public string[]? Days { get; init; }
    public string? Time { get; init; }
    public string? TimeZone { get; init; }
}
