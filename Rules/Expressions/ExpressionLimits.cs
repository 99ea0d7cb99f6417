namespace InventoryRules.Rules.Expressions;

/// <summary>
/// Hard limits on planner expressions. The text limits are checked by a linear scan before the
/// (recursive) parser runs; the tree limits after parsing, before compiling.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>Characters of expression text.</summary>
    public const int MaxLength = 2_000;
    /// <summary>Nesting of brackets <c>( [ {</c>; each level costs the parser about a dozen stack frames.</summary>
    public const int MaxNesting = 32;
    /// <summary><c>?:</c> conditionals in one expression (each nests the parser once more).</summary>
    public const int MaxConditionals = 16;
    /// <summary>Characters in one text literal.</summary>
    public const int MaxTextLiteral = 200;
    /// <summary>Largest magnitude of a numeric literal: every quantity, price or score fits, and so does any sum of a few of them.</summary>
    public const double MaxNumber = 1e15;
    /// <summary>Nodes of the parsed expression tree: bounds both compile time and evaluation cost.</summary>
    public const int MaxNodes = 500;
    /// <summary>Depth of the parsed expression tree (e.g. a chain of 64 additions).</summary>
    public const int MaxTreeDepth = 64;
}
