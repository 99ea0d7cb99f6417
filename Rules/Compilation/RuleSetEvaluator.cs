using System.Linq.Expressions;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Rules.Compilation;

/// <summary>
/// Every expression of a rule set fused into one delegate that writes each expression's value into a
/// slot of a buffer (true = 1, false = 0, scores as numbers): one call per candidate node instead of one
/// per rule, and the JIT sees the whole rule set at once. Slots are in document order; <see cref="Slots"/>
/// says which rule and which field each one is.
/// </summary>
public sealed class RuleSetEvaluator
{
    readonly Action<RuleInputs, double[]> evaluate;

    RuleSetEvaluator(IReadOnlyList<Slot> slots, Action<RuleInputs, double[]> evaluate)
    {
        Slots = slots;
        this.evaluate = evaluate;
    }

    /// <summary>Where a value lands: the rule's position in the document and the field's path inside it.</summary>
    public sealed record Slot(int RuleIndex, string Path);

    public IReadOnlyList<Slot> Slots { get; }

    /// <summary>A buffer of the right size; reuse it per thread, evaluation writes every slot.</summary>
    public double[] NewBuffer() => new double[Slots.Count];

    public void Evaluate(RuleInputs inputs, double[] buffer) => evaluate(inputs, buffer);

    internal static RuleSetEvaluator Build(IReadOnlyList<CompiledRule> rules)
    {
        var inputs = Expression.Parameter(typeof(RuleInputs), "x");
        var buffer = Expression.Parameter(typeof(double[]), "values");
        var slots = new List<Slot>();
        var body = new List<Expression>();
        foreach (var rule in rules)
        {
            foreach (var (path, tree) in rule.Trees())
            {
                var value = Rebind.To(inputs, tree);
                body.Add(Expression.Assign(Expression.ArrayAccess(buffer, Expression.Constant(slots.Count)),
                    value.Type == typeof(bool) ? Expression.Condition(value, Expression.Constant(1.0), Expression.Constant(0.0)) : value));
                slots.Add(new Slot(rule.Index, path));
            }
        }
        body.Add(Expression.Empty());
        var lambda = Expression.Lambda<Action<RuleInputs, double[]>>(Expression.Block(body), inputs, buffer);
        return new RuleSetEvaluator(slots, lambda.Compile());
    }

    /// <summary>Puts a checked expression's body onto the fused delegate's own inputs parameter.</summary>
    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        public static Expression To(ParameterExpression inputs, LambdaExpression tree) =>
            new Rebind(tree.Parameters[0], inputs).Visit(tree.Body);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
