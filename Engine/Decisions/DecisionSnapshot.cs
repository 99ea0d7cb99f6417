namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Everything a decision reads, taken at one instant. It is logged with the decision, so that the same
/// decision can be replayed exactly (same request + same snapshot + same rule set = same result).
/// </summary>
public sealed record DecisionSnapshot(
    DateTimeOffset Now,
    Segment Segment,
    IReadOnlyList<Item> Items,
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<PositionSnapshot> Positions,
    IReadOnlyList<NodeState> NodeStates,
    DecisionSettings Settings);

/// <summary>The stock of one item at one node as the decision saw it, in eaches.</summary>
public sealed record PositionSnapshot(
    string Sku,
    string Node,
    long OnHand,
    long Committed,
    long Damaged,
    long Quarantined,
    bool PositionQuarantined,
    IReadOnlyList<SupplySnapshot> InTransit,
    DemandStats Demand,
    int RemainingShelfLifeDays = 0,
    long Version = 0);

/// <summary>Open supply on its way to a position.</summary>
public sealed record SupplySnapshot(long Quantity, DateTimeOffset? Eta, string Reference);

/// <summary>
/// A position's demand: units per day over the recent window (burn rate), over the longer usual window,
/// and the day-to-day standard deviation (for service-level safety stock).
/// </summary>
public sealed record DemandStats(double BurnRate, double UsualBurnRate, double DailyStdDev)
{
    public static readonly DemandStats None = new(0, 0, 0);
}

/// <summary>A node's live state: when its feed last reported and how many orders it took today.</summary>
public sealed record NodeState(string Node, DateTimeOffset? LastFeedAt, int OrdersToday);

/// <summary>Service settings a decision depends on, logged with it so that replay uses the same ones.</summary>
public sealed record DecisionSettings(
    double InboundLeadTimeHours = 24,
    string NetworkTimeZone = "Europe/Berlin",
    int CandidateLimit = 10,
    double BackorderPenaltyPerUnit = 1_000)
{
    public static readonly DecisionSettings Default = new();
}
