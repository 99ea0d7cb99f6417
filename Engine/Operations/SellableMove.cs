namespace InventoryRules.Engine.Operations;

/// <summary>
/// One authoritative event as it bears on sellable on-hand: a delta, or a cycle count (an absolute figure
/// that covers every delta at or before its instant).
/// </summary>
public readonly record struct SellableMove(DateTimeOffset At, long Delta, long? Count, EventKey Key);
