namespace InventoryRules.Api.Operations;

/// <summary>A cycle count against the ledger's figure at its instant (the accuracy KPI's raw data).</summary>
public sealed record CountVarianceDto(
    string Source, string EventId, string Sku, string Node, DateTimeOffset CountedAt, long Counted, long System, long Variance);
