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
    readonly Lazy<Func<RuleInputs, double>[]> oneByOne;

    RuleSetEvaluator(IReadOnlyList<Slot> slots, Action<RuleInputs, double[]> evaluate, Func<Func<RuleInputs, double>[]> compileOneByOne)
    {
        Slots = slots;
        this.evaluate = evaluate;
        oneByOne = new(compileOneByOne, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where a value lands: the rule's position in the document and the field's path inside it.</summary>
    public sealed record Slot(int RuleIndex, string Path);

    public IReadOnlyList<Slot> Slots { get; }

    /// <summary>A buffer of the right size; reuse it per thread, evaluation writes every slot.</summary>
    public double[] NewBuffer() => new double[Slots.Count];

    public void Evaluate(RuleInputs inputs, double[] buffer) => evaluate(inputs, buffer);

    /// <summary>
    /// Like <see cref="Evaluate"/>, but an expression that fails for these inputs (integer division by
    /// zero, overflow, a null text) does not take the others down: the fused call is tried first and,
    /// only when it throws, each slot is evaluated on its own; a failed slot is NaN and reported.
    /// </summary>
    public bool TryEvaluate(RuleInputs inputs, double[] buffer, List<SlotFailure> failures)
    {
        try
        {
            evaluate(inputs, buffer);
            return true;
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            var each = oneByOne.Value;
            for (var i = 0; i < each.Length; i++)
            {
                try
                {
                    buffer[i] = each[i](inputs);
                }
                catch (Exception failure) when (ExpressionFailure.Is(failure))
                {
                    buffer[i] = double.NaN;
                    failures.Add(new SlotFailure(i, Slots[i], failure.Message));
                }
            }
            return failures.Count == 0;
        }
    }

    /// <summary>A slot whose expression threw for the inputs it was given.</summary>
    public sealed record SlotFailure(int Index, Slot Slot, string Message);


    internal static RuleSetEvaluator Build(IReadOnlyList<CompiledRule> rules)
    {
        var inputs = Expression.Parameter(typeof(RuleInputs), "x");
        var buffer = Expression.Parameter(typeof(double[]), "values");
        var slots = new List<Slot>();
        var body = new List<Expression>();
        var values = new List<Expression>();
        foreach (var rule in rules)
        {
            foreach (var (path, tree) in rule.Trees())
            {
                var value = Rebind.To(inputs, tree);
                var number = value.Type == typeof(bool) ? Expression.Condition(value, Expression.Constant(1.0), Expression.Constant(0.0)) : value;
                values.Add(number);
                body.Add(Expression.Assign(Expression.ArrayAccess(buffer, Expression.Constant(slots.Count)), number));
                slots.Add(new Slot(rule.Index, path));
            }
        }
        body.Add(Expression.Empty());
        var lambda = Expression.Lambda<Action<RuleInputs, double[]>>(Expression.Block(body), inputs, buffer);
        // Compiled only if some expression ever fails: then each slot runs on its own.
        Func<RuleInputs, double>[] CompileOneByOne() =>
            [.. values.Select(v => Expression.Lambda<Func<RuleInputs, double>>(v, inputs).Compile())];
        return new RuleSetEvaluator(slots, lambda.Compile(), CompileOneByOne);
    }

    /// <summary>Puts a checked expression's body onto the fused delegate's own inputs parameter.</summary>
    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        public static Expression To(ParameterExpression inputs, LambdaExpression tree) =>
            new Rebind(tree.Parameters[0], inputs).Visit(tree.Body);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
