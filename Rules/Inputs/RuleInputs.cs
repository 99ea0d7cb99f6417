namespace InventoryRules.Rules.Inputs;

/// <summary>
/// Every named input in one object, so that a compiled expression is one delegate over one argument
/// (no array, no boxing). A rule kind may read only the inputs <see cref="Expressions.RuleKinds"/> allows it.
/// </summary>
public sealed class RuleInputs
{
    public OrderInput Order { get; set; } = new();
    public LineInput Line { get; set; } = new();
    public ItemInput Item { get; set; } = new();
    public NodeInput Node { get; set; } = new();
    public PositionInput Position { get; set; } = new();
    public CustomerInput Customer { get; set; } = new();
    public ContextInput Context { get; set; } = new();
}
