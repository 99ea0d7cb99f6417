namespace InventoryRules.Engine.Decisions;

/// <summary>The allocator's answer: units per line and node (node indexes as in the context), and its cost.</summary>
internal sealed record AllocationPlan(IReadOnlyList<IReadOnlyList<(int Node, long Quantity)>> Lines, long Filled, double Cost, int Shipments, int SubsetsTried)
{
    public static AllocationPlan Empty(int lines) =>
        new([.. Enumerable.Range(0, lines).Select(_ => (IReadOnlyList<(int, long)>)[])], 0, 0, 0, 0);
}
