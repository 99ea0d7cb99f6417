namespace InventoryRules.Engine.Decisions;

/// <summary>
/// One order line being decided: its item, the stock pool it draws from (lines of the same sku share
/// one) and every node's verdict as a source.
/// </summary>
internal sealed record LineWork(int Index, OrderLine Line, Item Item, int Pool, Candidate[] Candidates);
