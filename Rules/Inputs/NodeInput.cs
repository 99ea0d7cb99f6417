namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of a candidate node, as <c>node</c>.</summary>
public sealed class NodeInput
{
    public string Code { get; init; } = "";
    /// <summary>dc, store, dark_store, mfc or 3pl.</summary>
    public string Type { get; init; } = "";
    public string Country { get; init; } = "";
    public string Region { get; init; } = "";
    public bool DutyPaid { get; init; }
    /// <summary>ship_from_store, cross_dock, cold_chain; test with <c>node.Capabilities.Contains("cold_chain")</c>.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public int DailyOrderCapacity { get; init; }
    /// <summary>Orders the node can still take today.</summary>
    public int CapacityLeft { get; init; }
    public decimal CostPerOrder { get; init; }
    public decimal CostPerUnit { get; init; }
    /// <summary>Great-circle distance to the ship-to, in kilometres.</summary>
    public double DistanceKm { get; init; }
    /// <summary>Carrier transit days to the ship-to.</summary>
    public int TransitDays { get; init; }
    /// <summary>True when an order placed now still makes today's carrier cut-off.</summary>
    public bool CutoffMet { get; init; }
    /// <summary>Seconds since the node's feed last reported.</summary>
    public double FeedAgeSeconds { get; init; }
}
