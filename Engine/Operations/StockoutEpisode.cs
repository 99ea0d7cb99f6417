namespace InventoryRules.Engine.Operations;

/// <summary>Sellable on-hand at zero or below from <see cref="Start"/> until <see cref="End"/>; no end while it lasts.</summary>
public sealed record StockoutEpisode(DateTimeOffset Start, DateTimeOffset? End);
