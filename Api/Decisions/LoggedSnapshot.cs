using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// A snapshot as the decision log keeps it: the node list named by its hash (<see cref="SnapshotParts"/>),
/// or inline in rows older than that. Parsing needs no database, so replays parse many at once.
/// </summary>
public sealed record LoggedSnapshot(
    DateTimeOffset Now,
    Segment Segment,
    IReadOnlyList<Item> Items,
    string? NodesRef,
    IReadOnlyList<Node>? Nodes,
    IReadOnlyList<PositionSnapshot> Positions,
    IReadOnlyList<NodeState> NodeStates,
    DecisionSettings Settings)
{
    public static LoggedSnapshot Parse(string json) => DecisionJson.Read<LoggedSnapshot>(json);

    /// <summary>The engine's snapshot, with <paramref name="nodes"/> (read by <see cref="NodesRef"/>) unless the row kept its own.</summary>
    public DecisionSnapshot With(IReadOnlyList<Node> nodes) => new(Now, Segment, Items, Nodes ?? nodes, Positions, NodeStates, Settings);
}
