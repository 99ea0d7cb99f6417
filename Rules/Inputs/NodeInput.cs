namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of a candidate node, as <c>node</c>.</summary>
public sealed class NodeInput
{
    public string Code { get; set; } = "";
    /// <summary>dc, store, dark_store, mfc or 3pl.</summary>
    public string Type { get; set; } = "";
    public string Country { get; set; } = "";
    public string Region { get; set; } = "";
    public bool DutyPaid { get; set; }
    /// <summary>ship_from_store, cross_dock, cold_chain; test with <c>node.Capabilities.Contains("cold_chain")</c>.</summary>
    public IReadOnlyList<string> Capabilities { get; set; } = [];
    public int DailyOrderCapacity { get; set; }
    /// <summary>Orders the node can still take today.</summary>
    public int CapacityLeft { get; set; }
    public decimal CostPerOrder { get; set; }
    public decimal CostPerUnit { get; set; }
    /// <summary>Great-circle distance to the ship-to, in kilometres.</summary>
    public double DistanceKm { get; set; }
    /// <summary>Carrier transit days to the ship-to.</summary>
    public int TransitDays { get; set; }
    /// <summary>True when an order placed now still makes today's carrier cut-off.</summary>
    public bool CutoffMet { get; set; }
    /// <summary>Seconds since the node's feed last reported.</summary>
    public double FeedAgeSeconds { get; set; }
}
