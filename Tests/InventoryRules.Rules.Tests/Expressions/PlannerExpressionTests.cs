using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Tests.Expressions;

public class PlannerExpressionTests
{
    static IEnumerable<TestCaseData> Conditions() =>
        SampleExpressions.Conditions.Select(c => new TestCaseData(c.Text, c.Expected).SetName($"condition {c.Text}"));

    static IEnumerable<TestCaseData> Scores() =>
        SampleExpressions.Scores.Select(s => new TestCaseData(s.Text, s.Expected).SetName($"score {s.Text}"));

    [TestCaseSource(nameof(Conditions))]
    public void Compile_PlannerCondition_EvaluatesToExpected(string text, bool expected)
    {
        var (expression, problem) = SafeExpressions.Compile<bool>(text, InputNames.All);

        problem.Should().BeNull();
        expression!.Evaluate(ExpressionInputsData.Sample()).Should().Be(expected);
        expression.Text.Should().Be(text);
    }

    [TestCaseSource(nameof(Scores))]
    public void Compile_PlannerScore_EvaluatesToExpected(string text, double expected)
    {
        var (expression, problem) = SafeExpressions.Compile<double>(text, InputNames.All);

        problem.Should().BeNull();
        expression!.Evaluate(ExpressionInputsData.Sample()).Should().BeApproximately(expected, 1e-9);
    }

    [Test]
    public void Compile_ConditionWithinItsKindsInputs_Compiles()
    {
        var (_, problem) = SafeExpressions.Compile<bool>(
            "item.Perishable && position.RemainingShelfLifeDays < 3 && context.Hour < 12", RuleKinds.InputsOf(RuleKinds.Reorder));

        problem.Should().BeNull();
    }

    [Test]
    public void Check_SampleExpressions_HaveNoProblems()
    {
        foreach (var (text, _) in SampleExpressions.Conditions)
            SafeExpressions.Check(text, InputNames.All, typeof(bool)).Should().BeEmpty(text);
        foreach (var (text, _) in SampleExpressions.Scores)
            SafeExpressions.Check(text, InputNames.All, typeof(double)).Should().BeEmpty(text);
    }

    [Test]
    public void TryEvaluate_IntegerDivisionByZero_FailsAsValue()
    {
        var (expression, _) = SafeExpressions.Compile<double>("position.OnHand / position.Held", InputNames.All);

        var ok = expression!.TryEvaluate(ExpressionInputsData.Sample(), out _, out var problem);

        ok.Should().BeFalse();
        problem!.Code.Should().Be(ExpressionProblem.Failed);
        problem.Message.Should().Contain("position.OnHand / position.Held");
    }

    [Test]
    public void Compile_SameTextFromManyThreads_AllAgree()
    {
        var results = new bool[64];

        Parallel.For(0, results.Length, i =>
        {
            var (expression, _) = SafeExpressions.Compile<bool>(SampleExpressions.Conditions[i % 5].Text, InputNames.All);
            results[i] = expression!.Evaluate(ExpressionInputsData.Sample());
        });

        results.Should().OnlyContain(r => r);
    }
}
