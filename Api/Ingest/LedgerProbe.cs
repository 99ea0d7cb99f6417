using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>A question to the event store about one position at one instant, optionally leaving one event out.</summary>
public readonly record struct LedgerProbe(string Sku, string Node, long At, EventKey Except);
