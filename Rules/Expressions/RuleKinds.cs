namespace InventoryRules.Rules.Expressions;

/// <summary>
/// The rule kinds (DESIGN.md, Rules) and the inputs each kind's expressions may read: a safety-stock
/// rule is decided per item and node, before any order exists, so it cannot read <c>order</c>.
/// </summary>
public static class RuleKinds
{
    public const string SafetyStock = "safety_stock";
    public const string Hold = "hold";
    public const string AllocationPriority = "allocation_priority";
    public const string NodeEligibility = "node_eligibility";
    public const string Routing = "routing";
    public const string Split = "split";
    public const string Backorder = "backorder";
    public const string CrossDock = "cross_dock";
    public const string Reclassification = "reclassification";
    public const string Reorder = "reorder";
    public const string Peak = "peak";

    static readonly string[] StockInputs = [InputNames.Item, InputNames.Node, InputNames.Position, InputNames.Context];

    static readonly Dictionary<string, string[]> Inputs = new(StringComparer.Ordinal)
    {
        [SafetyStock] = StockInputs,
        [Hold] = [.. StockInputs, InputNames.Order, InputNames.Customer],
        [AllocationPriority] = [InputNames.Order, InputNames.Line, InputNames.Item, InputNames.Customer, InputNames.Context],
        [NodeEligibility] = [.. InputNames.All],
        [Routing] = [InputNames.Order, InputNames.Line, InputNames.Item, InputNames.Node, InputNames.Position, InputNames.Context],
        [Split] = [InputNames.Order, InputNames.Customer, InputNames.Context],
        [Backorder] = [InputNames.Order, InputNames.Line, InputNames.Item, InputNames.Customer, InputNames.Context],
        [CrossDock] = StockInputs,
        [Reclassification] = [InputNames.Item, InputNames.Node, InputNames.Context],
        [Reorder] = StockInputs,
        [Peak] = StockInputs,
    };

    public static IReadOnlyList<string> All { get; } = [.. Inputs.Keys];

    public static bool IsKnown(string kind) => Inputs.ContainsKey(kind);

    public static IReadOnlyList<string> InputsOf(string kind) => Inputs[kind];
}
