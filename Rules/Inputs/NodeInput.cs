using System.ComponentModel;

namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of a candidate node, as <c>node</c>.</summary>
[Description("A candidate node (DC, store, …) the item could ship from, and what it means for this order")]
public sealed class NodeInput
{
    [Description("Node code, e.g. DC-BER")]
    public string Code { get; set; } = "";
    /// <summary>dc, store, dark_store, mfc or 3pl.</summary>
    [Description("Node type: dc, store, dark_store, mfc or 3pl")]
    public string Type { get; set; } = "";
    [Description("Country the node is in, a two-letter code such as DE")]
    public string Country { get; set; } = "";
    [Description("Region from master data; empty when none is set")]
    public string Region { get; set; } = "";
    [Description("True when the node's stock has cleared customs; a bonded node (false) cannot deliver inside its own country")]
    public bool DutyPaid { get; set; }
    /// <summary>ship_from_store, cross_dock, cold_chain; test with <c>node.Capabilities.Contains("cold_chain")</c>.</summary>
    [Description("What the node can do: ship_from_store, cross_dock, cold_chain; test with node.Capabilities.Contains(\"cold_chain\")")]
    public IReadOnlyList<string> Capabilities { get; set; } = [];
    [Description("Orders the node can take per day")]
    public int DailyOrderCapacity { get; set; }
    /// <summary>Orders the node can still take today.</summary>
    [Description("Orders the node can still take today: its daily capacity less the orders it took today")]
    public int CapacityLeft { get; set; }
    [Description("Handling cost per order shipped from the node")]
    public decimal CostPerOrder { get; set; }
    [Description("Handling cost per each shipped from the node")]
    public decimal CostPerUnit { get; set; }
    /// <summary>Great-circle distance to the ship-to, in kilometres.</summary>
    [Description("Great-circle distance to the ship-to, in kilometres; 0 when either place is unknown, and outside orders")]
    public double DistanceKm { get; set; }
    /// <summary>Carrier transit days to the ship-to.</summary>
    [Description("Estimated carrier transit days to the ship-to: 1 within 500 km, a day more per further 500 km and for crossing a border")]
    public int TransitDays { get; set; }
    /// <summary>True when an order placed now still makes today's carrier cut-off.</summary>
    [Description("True when an order placed now still makes the node's carrier cut-off today")]
    public bool CutoffMet { get; set; }
    /// <summary>Seconds since the node's feed last reported.</summary>
    [Description("Seconds since the node's stock feed last reported; 1000000000 when it never has; 0 outside orders")]
    public double FeedAgeSeconds { get; set; }
}
