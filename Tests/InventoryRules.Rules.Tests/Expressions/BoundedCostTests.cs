using System.Linq.Expressions;
using System.Reflection;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>
/// Evaluation cost is bounded by construction, not by a timer: every accepted tree is small, has no node
/// that can repeat work, and the hot path allocates nothing.
/// </summary>
public class BoundedCostTests
{
    // Nodes that could loop, call arbitrary code or allocate per call.
    static readonly ExpressionType[] Unbounded =
    [
        ExpressionType.Loop, ExpressionType.Goto, ExpressionType.Label, ExpressionType.Block, ExpressionType.Invoke,
        ExpressionType.Lambda, ExpressionType.New, ExpressionType.NewArrayBounds, ExpressionType.NewArrayInit,
        ExpressionType.MemberInit, ExpressionType.ListInit, ExpressionType.Try, ExpressionType.Dynamic, ExpressionType.Extension,
    ];

    static IEnumerable<TestCaseData> Accepted() =>
        SampleExpressions.Conditions.Select(c => new TestCaseData(c.Text, typeof(bool)).SetName($"bounded {c.Text}"))
            .Concat(SampleExpressions.Scores.Select(s => new TestCaseData(s.Text, typeof(double)).SetName($"bounded {s.Text}")));

    [TestCaseSource(nameof(Accepted))]
    public void Compile_AcceptedExpression_IsSmallAndHasNoLoopsOrCallsOutsideTheAllowList(string text, Type resultType)
    {
        var tree = resultType == typeof(bool)
            ? (LambdaExpression)SafeExpressions.Compile<bool>(text, InputNames.All).Expression!.Tree
            : SafeExpressions.Compile<double>(text, InputNames.All).Expression!.Tree;
        var nodes = Nodes.Of(tree.Body);

        nodes.Count.Should().BeLessThanOrEqualTo(ExpressionLimits.MaxNodes);
        nodes.Select(n => n.NodeType).Should().NotIntersectWith(Unbounded);
        nodes.OfType<MethodCallExpression>().Select(c => c.Method.DeclaringType)
            .Where(t => t != typeof(Math) && t != typeof(string) && t != typeof(DateTime) && t != typeof(Enumerable))
            .Should().BeEmpty();
        nodes.OfType<MethodCallExpression>().SelectMany(c => c.Method.GetParameters())
            .Should().NotContain(p => typeof(Delegate).IsAssignableFrom(p.ParameterType), "a delegate argument could loop");
    }

    [Test]
    public void Evaluate_TypicalCondition_AllocatesNothing()
    {
        var (condition, _) = SafeExpressions.Compile<bool>(
            "item.VelocityClass == \"A\" && position.DaysOfSupply < 3 && node.Capabilities.Contains(\"cold_chain\") "
            + "&& customer.Tier in (\"gold\", \"platinum\") && context.Now.AddHours(2).Hour < 20", InputNames.All);

        condition.Should().NotBeNull();
        AllocatedBytes(condition!.Evaluate, ExpressionInputsData.Sample()).Should().Be(0);
    }

    [Test]
    public void Evaluate_TypicalScore_AllocatesNothing()
    {
        var (score, _) = SafeExpressions.Compile<double>(
            "customer.ContractPriority * 100 + (customer.Strategic ? 50 : 0) - Math.Min(position.DaysOfSupply, 30) + node.TransitDays * 2.5",
            InputNames.All);
        var (margin, _) = SafeExpressions.Compile<double>("line.Margin * 2 + item.UnitPrice", InputNames.All);

        score.Should().NotBeNull();
        margin.Should().NotBeNull();
        AllocatedBytes(margin!.Evaluate, ExpressionInputsData.Sample()).Should().Be(0);
        AllocatedBytes(score!.Evaluate, ExpressionInputsData.Sample()).Should().Be(0);
    }

    [Test]
    public void Compile_ReturnsOneDelegateOverRuleInputs()
    {
        var (expression, _) = SafeExpressions.Compile<bool>("item.Hazmat || node.DutyPaid", InputNames.All);

        expression!.Tree.Parameters.Should().ContainSingle().Which.Type.Should().Be<RuleInputs>();
        Nodes.Of(expression.Tree.Body).OfType<ParameterExpression>().Should().OnlyContain(p => p.Type == typeof(RuleInputs));
    }

    [Test]
    public void Check_EveryPropertyOfEveryInput_IsAccepted()
    {
        var properties = typeof(RuleInputs).GetProperties()
            .SelectMany(p => p.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => $"{Input(p.DeclaringType!)}.{p.Name} == {Input(p.DeclaringType!)}.{p.Name}");

        foreach (var text in properties)
            SafeExpressions.Check(text, InputNames.All, typeof(bool)).Should().BeEmpty(text);
    }

    static string Input(Type inputType) => char.ToLowerInvariant(inputType.Name[0]) + inputType.Name[1..^"Input".Length];

    static long AllocatedBytes<T>(Func<RuleInputs, T> evaluate, RuleInputs inputs)
    {
        for (var i = 0; i < 1_000; i++) evaluate(inputs); // past JIT tiering
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) evaluate(inputs);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    sealed class Nodes : ExpressionVisitor
    {
        readonly List<Expression> all = [];

        public static List<Expression> Of(Expression e)
        {
            var nodes = new Nodes();
            nodes.Visit(e);
            return nodes.all;
        }

        public override Expression? Visit(Expression? node)
        {
            if (node is not null) all.Add(node);
            return base.Visit(node);
        }
    }
}
