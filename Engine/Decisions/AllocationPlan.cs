namespace InventoryRules.Engine.Decisions;

/// <summary>The allocator's answer: units per line and node (node indexes as in the context), and its cost.</summary>
internal sealed record AllocationPlan(IReadOnlyList<IReadOnlyList<(int Node, long Quantity)>> Lines, long Filled, double Cost, int Shipments, int SubsetsTried)
{
    /// <summary>The best plan on other nodes: what the chosen one beat, for the explanation.</summary>
    public RunnerUp? RunnerUp { get; init; }

    public static AllocationPlan Empty(int lines) =>
        new([.. Enumerable.Range(0, lines).Select(_ => (IReadOnlyList<(int, long)>)[])], 0, 0, 0, 0);
}

/// <summary>The next best plan: the nodes it would ship from, the units it fills and its routing score.</summary>
internal sealed record RunnerUp(IReadOnlyList<int> Nodes, long Filled, double Cost);
