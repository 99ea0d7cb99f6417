namespace InventoryRules.Rules.Expressions;

/// <summary>
/// Why a planner's expression was refused (or, for <see cref="Failed"/>, why one evaluation failed).
/// <see cref="Code"/> is stable: a shipped code is never renamed; <see cref="Message"/> is for people.
/// </summary>
public sealed record ExpressionProblem(string Code, string Message)
{
    /// <summary>No expression where one is required.</summary>
    public const string Empty = "expression_empty";
    /// <summary>Longer than <see cref="ExpressionLimits.MaxLength"/> characters or <see cref="ExpressionLimits.MaxNodes"/> operations.</summary>
    public const string TooLong = "expression_too_long";
    /// <summary>Nested deeper than the limits; refused before parsing, so the recursive parser cannot overflow the stack.</summary>
    public const string TooDeep = "expression_too_deep";
    /// <summary>Not an expression in RulesEngine's lambda language; the message carries the parser's position.</summary>
    public const string Syntax = "expression_syntax";
    /// <summary>Names an input (or any other name) the rule's kind may not read; the message lists the ones it may.</summary>
    public const string UnknownInput = "expression_unknown_input";
    /// <summary>A property an input (or a value) does not have, e.g. <c>item.Colour</c>; the message suggests the nearest and lists the ones it has.</summary>
    public const string UnknownProperty = "expression_unknown_property";
    /// <summary>A member, method, type or construct outside the allow-list; the message names it.</summary>
    public const string Forbidden = "expression_forbidden";
    /// <summary>
    /// The types do not fit: the result is not what the field needs (a condition that is not true/false), or an
    /// operator gets values it cannot take (text compared with a number, arithmetic on text, <c>&amp;&amp;</c> on numbers).
    /// </summary>
    public const string WrongType = "expression_type";
    /// <summary>A literal too large: a number beyond <see cref="ExpressionLimits.MaxNumber"/> or a long text.</summary>
    public const string Literal = "expression_literal";
    /// <summary>Evaluation failed for these inputs (division by zero, overflow, a date out of range).</summary>
    public const string Failed = "expression_failed";
}
