namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>One line of inbound supply (an ASN or a transfer): units of a sku expected at a node at <paramref name="Eta"/>.</summary>
public sealed record InboundSupply(string Reference, string Sku, string Node, long Quantity, DateTimeOffset Eta);
