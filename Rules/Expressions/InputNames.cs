namespace InventoryRules.Rules.Expressions;

/// <summary>The names planners use for the inputs in expressions (RulesEngine's rule parameters).</summary>
public static class InputNames
{
    public const string Order = "order";
    public const string Line = "line";
    public const string Item = "item";
    public const string Node = "node";
    public const string Position = "position";
    public const string Customer = "customer";
    public const string Context = "context";

    public static IReadOnlyList<string> All { get; } = [Order, Line, Item, Node, Position, Customer, Context];
}
