using System.Linq.Expressions;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// Turns each named parameter (<c>item</c>, <c>node</c>, ...) into a property read on one
/// <see cref="RuleInputs"/> parameter, so that the compiled delegate takes one argument: no
/// <c>object[]</c> of inputs and no boxing per call, as RulesEngine's wrapper needs. A literal list
/// (<c>x in ("a", "b")</c> parses to <c>new[] { "a", "b" }.Contains(x)</c>) becomes one array built
/// here, not one per call: it is only ever read, so the meaning is unchanged and evaluation allocates nothing.
/// </summary>
internal sealed class InputRewriter : ExpressionVisitor
{
    readonly ParameterExpression inputs = Expression.Parameter(typeof(RuleInputs), "inputs");

    public static Expression<Func<RuleInputs, T>> ToRuleInputs<T>(Expression body)
    {
        var rewriter = new InputRewriter();
        return Expression.Lambda<Func<RuleInputs, T>>(rewriter.Visit(body), rewriter.inputs);
    }

    protected override Expression VisitParameter(ParameterExpression node) =>
        Expression.Property(inputs, ExpressionInputs.RuleInputsProperty(node.Name!));

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        if (node.NodeType != ExpressionType.NewArrayInit || !node.Expressions.All(e => e is ConstantExpression))
            return base.VisitNewArray(node);
        var array = Array.CreateInstance(node.Type.GetElementType()!, node.Expressions.Count);
        for (var i = 0; i < node.Expressions.Count; i++)
            array.SetValue(((ConstantExpression)node.Expressions[i]).Value, i);
        return Expression.Constant(array, node.Type);
    }
}
