using System.Linq.Expressions;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// A planner expression that passed <see cref="SafeExpressions"/>, compiled once into a delegate over
/// one <see cref="RuleInputs"/>: evaluating it is one delegate call and allocates nothing (unless the
/// expression itself calls an allocating string function such as <c>ToLower()</c>).
/// </summary>
public sealed class CompiledExpression<T>
{
    readonly Func<RuleInputs, T> evaluate;

    internal CompiledExpression(string text, Expression<Func<RuleInputs, T>> tree)
    {
        Text = text;
        Tree = tree;
        evaluate = tree.Compile();
    }

    /// <summary>The planner's text, as written.</summary>
    public string Text { get; }

    /// <summary>The checked tree the delegate was compiled from (for tests and diagnostics).</summary>
    internal Expression<Func<RuleInputs, T>> Tree { get; }

    /// <summary>
    /// Evaluates the expression. May throw what the same expression throws in RulesEngine for these
    /// inputs: <see cref="ArithmeticException"/> (integer division by zero, checked overflow),
    /// <see cref="ArgumentException"/> (e.g. a date moved out of range), <see cref="NullReferenceException"/>
    /// (a text input set to null). Use <see cref="TryEvaluate"/> to get those as a value.
    /// </summary>
    public T Evaluate(RuleInputs inputs) => evaluate(inputs);

    /// <summary>Evaluates the expression; a failure for these inputs is a problem with code <see cref="ExpressionProblem.Failed"/>.</summary>
    public bool TryEvaluate(RuleInputs inputs, out T value, out ExpressionProblem? problem)
    {
        try
        {
            value = evaluate(inputs);
            problem = null;
            return true;
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            value = default!;
            problem = new(ExpressionProblem.Failed, $"'{Text}' failed for these inputs: {e.Message}");
            return false;
        }
    }

    public override string ToString() => Text;
}
