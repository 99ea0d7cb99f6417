namespace InventoryRules.Rules.Background.Reservations;

/// <summary>Whether a node may still serve an order under the newly published version, as the decision engine judged it, and why not.</summary>
public sealed record NodeEligibility(string OrderId, string Node, bool Eligible, string? Reason);
