using System.Reflection;
using System.Text.RegularExpressions;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>
/// Planners' mistakes (found by a new-user trial of the web tool) are refused with the right code and a
/// message in planners' words: where, what does not fit, what was probably meant; never a .NET type name.
/// </summary>
public partial class ExpressionMessageTests
{
    static readonly IReadOnlyList<string> AllInputs = InputNames.All;

    static ExpressionProblem Condition(string text) =>
        SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

    [Test]
    public void Check_UnknownPropertyOfAnInput_SuggestsTheNearestAndListsAll()
    {
        var problem = Condition("item.Colour == \"red\"");

        problem.Code.Should().Be(ExpressionProblem.UnknownProperty);
        problem.Message.Should().StartWith("item has no property 'Colour'. Did you mean 'ColdChain'? item has: Sku, Category, VelocityClass, ")
            .And.EndWith("Margin.");
        ShouldUsePlannerWords(problem, "item.Colour");
    }

    [TestCase("item.Skus == \"x\"", "Skus", "Sku", TestName = "one letter too many")]
    [TestCase("position.Availble > 1", "Availble", "Available", TestName = "one letter missing")]
    [TestCase("item.Catgeory == \"dairy\"", "Catgeory", "Category", TestName = "two letters swapped")]
    [TestCase("node.CUTOFFMETT", "CUTOFFMETT", "CutoffMet", TestName = "in capitals, one letter too many")]
    public void Check_MisspeltProperty_SuggestsTheIntendedOne(string text, string typed, string meant)
    {
        var problem = Condition(text);

        problem.Code.Should().Be(ExpressionProblem.UnknownProperty);
        problem.Message.Should().Contain($"no property '{typed}'").And.Contain($"Did you mean '{meant}'?");
    }

    [Test]
    public void Check_PropertyNothingLike_ListsWithoutSuggesting()
    {
        var problem = Condition("position.Xyzzy > 1");

        problem.Code.Should().Be(ExpressionProblem.UnknownProperty);
        problem.Message.Should().NotContain("Did you mean").And.Contain("position has: OnHand, Committed");
    }

    [Test]
    public void Suggest_WrongCase_SuggestsTheExactName() =>
        ParserProblems.Suggest("sku", ["Category", "Sku", "SerialTracked"]).Should().Be("Sku");

    [Test]
    public void Check_PropertyInAnotherCase_IsAccepted() =>
        // RulesEngine ignores case by default (ReSettings.IsExpressionCaseSensitive = false), so this is no mistake.
        SafeExpressions.Check("item.sku == \"SKU-100\"", AllInputs, typeof(bool)).Should().BeEmpty();

    [Test]
    public void Check_TextComparedWithNumber_RefusedAsWrongTypeNamingBoth()
    {
        var problem = Condition("item.Sku > 3");

        problem.Code.Should().Be(ExpressionProblem.WrongType);
        problem.Message.Should().Be("at character 1: cannot compare text (item.Sku) with a number (3)");
    }

    [TestCase("item.Sku == 3", "cannot compare text (item.Sku) with a number (3)", TestName = "text equals a number")]
    [TestCase("3 < item.Sku", "cannot compare a number (3) with text (item.Sku)", TestName = "a number less than text")]
    [TestCase("context.Now > 3", "cannot compare a date and time (context.Now) with a number (3)", TestName = "a date with a number")]
    [TestCase("item.Hazmat == 1", "cannot compare true/false (item.Hazmat) with a number (1)", TestName = "true/false with a number")]
    [TestCase("position.OnHand > \"x\"", "the text \"x\" is not a number", TestName = "a number with a text literal")]
    [TestCase("item.Sku + 1 > 2", "cannot compare text with a number", TestName = "text plus a number compared with a number")]
    public void Check_ComparisonOfUnlikeValues_RefusedAsWrongType(string text, string says)
    {
        var problem = Condition(text);

        problem.Code.Should().Be(ExpressionProblem.WrongType);
        problem.Message.Should().Contain(says);
        ShouldUsePlannerWords(problem, text);
    }

    [TestCase("item.Sku * 2 > 1", "at character 10: cannot use '*' on text (item.Sku) and a number (2)", TestName = "text times a number")]
    [TestCase("item.Sku - 1 > 0", "at character 10: cannot use '-' on text (item.Sku) and a number (1)", TestName = "text minus a number")]
    [TestCase("-item.Sku > 1", "at character 1: '-' cannot be used on text", TestName = "minus text")]
    public void Check_ArithmeticOnText_RefusedAsWrongType(string text, string says)
    {
        var problem = Condition(text);

        problem.Code.Should().Be(ExpressionProblem.WrongType);
        problem.Message.Should().StartWith(says);
    }

    [TestCase("position.OnHand && item.Hazmat", "'&&' needs true/false on both sides, but here has a number (position.OnHand)", TestName = "&& on a number")]
    [TestCase("item.Sku || item.Hazmat", "'||' needs true/false on both sides, but here has text (item.Sku)", TestName = "|| on text")]
    [TestCase("item.Hazmat and 3", "and a number (3)", TestName = "and with a number")]
    [TestCase("!position.OnHand", "'!' cannot be used on a number", TestName = "not a number")]
    [TestCase("iif(position.OnHand, true, false)", "must be true or false", TestName = "iif testing a number")]
    [TestCase("position.OnHand ? true : false", "must be true or false", TestName = "? : testing a number")]
    [TestCase("item.Hazmat ? 1 : \"x\"", "do not fit together: a number and text", TestName = "? : with a number or text")]
    public void Check_LogicOnNonTrueOrFalse_RefusedAsWrongType(string text, string says)
    {
        var problem = Condition(text);

        problem.Code.Should().Be(ExpressionProblem.WrongType);
        problem.Message.Should().Contain(says);
        ShouldUsePlannerWords(problem, text);
    }

    [TestCase("item", "the whole item", TestName = "a condition that is a whole input")]
    [TestCase("node.Capabilities", "a list of text", TestName = "a condition that is a list")]
    public void Check_ConditionNotTrueOrFalse_SaysWhatItGivesInPlannerWords(string text, string gives)
    {
        var problem = Condition(text);

        problem.Code.Should().Be(ExpressionProblem.WrongType);
        problem.Message.Should().Contain("must be true or false").And.Contain(gives);
        ShouldUsePlannerWords(problem, text);
    }

    [TestCase("item.ShelfLifeDays >= ", "at character 23 (the end): an expression was expected after '>='", TestName = "nothing after >=")]
    [TestCase("1 +* 2 > 0", "at character 4: an expression was expected after '+'", TestName = "two operators in a row")]
    [TestCase("(item.Hazmat", "at character 13 (the end): a closing ')' or an operator was expected", TestName = "an unclosed bracket")]
    [TestCase("item. == 1", "at character 7: a name was expected", TestName = "a dot without a name")]
    [TestCase("item.Sku == \"a", "a text in quotes is not closed", TestName = "an unclosed quote")]
    [TestCase("item.Hazmat )", "at character 13: ')' is not understood here", TestName = "a stray bracket")]
    public void Check_BrokenSyntax_SaysWhereInWords(string text, string says)
    {
        var problem = Condition(text);

        problem.Code.Should().Be(ExpressionProblem.Syntax);
        problem.Message.Should().Contain(says);
    }

    [TestCase("item.Sku.Length.Foo > 1", "a number has no property 'Foo'", TestName = "a property of a number")]
    [TestCase("context.Now.Foo > 1", "a date and time has no property 'Foo'", TestName = "a property of a date")]
    public void Check_UnknownPropertyOfAValue_NamesTheValueInPlannerWords(string text, string says)
    {
        var problem = Condition(text);

        problem.Code.Should().Be(ExpressionProblem.UnknownProperty);
        problem.Message.Should().Contain(says);
    }

    static IEnumerable<TestCaseData> Corpus()
    {
        // Every text of the hostile and planner expression tests, plus the planners' mistakes above.
        var texts = typeof(ExpressionMessageTests).Assembly.GetTypes()
            .Where(t => t == typeof(HostileExpressionTests) || t == typeof(ExpressionMessageTests))
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<TestCaseAttribute>())
            .Select(a => a.Arguments.FirstOrDefault())
            .OfType<string>()
            .Where(t => !t.StartsWith("expression_", StringComparison.Ordinal) && t.Length > 0)
            .Concat(SampleExpressions.Conditions.Select(c => c.Text))
            .Concat(SampleExpressions.Scores.Select(s => s.Text))
            .Concat(
            [
                "item.Sku.Foo() == 1", "item.Sku.StartsWith(1)", "Math.Max(item.Sku, 1) > 0", "item.Sku in (1, 2)",
                "node.Capabilities > 3", "context.Now == \"x\"", "item.Hazmat > item.Perishable", "item.Sku.Foo == 1",
                "\"x\".Foo", "(object)item", "item.Hazmat ? item : node", "order.Foo", "line.Sku < 3", "customer.Segment * 2",
            ])
            .Distinct(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var result in new[] { typeof(bool), typeof(double) })
                yield return new TestCaseData(text, result).SetName($"{(result == typeof(bool) ? "condition" : "score")} {Regex.Escape(text)}");
    }

    [TestCaseSource(nameof(Corpus))]
    public void Check_AnyExpression_MessageHasNoDotNetNames(string text, Type result)
    {
        foreach (var problem in SafeExpressions.Check(text, AllInputs, result))
            ShouldUsePlannerWords(problem, text);
    }

    /// <summary>No CLR name (System.String, Int32, ItemInput...) unless the planner wrote it in the expression.</summary>
    internal static void ShouldUsePlannerWords(ExpressionProblem problem, string text)
    {
        foreach (var clr in new[] { "System.", "Input'", "Int32", "Int64", "Boolean", "Decimal", "Double", "DateTimeOffset", "`1" })
            if (!text.Contains(clr, StringComparison.OrdinalIgnoreCase))
                problem.Message.Should().NotContain(clr, "'{0}' gives {1}", text, problem.Message);
        foreach (Match m in InputClass().Matches(problem.Message))
            text.Should().Contain(m.Value, "'{0}' gives {1}", text, problem.Message);
    }

    [GeneratedRegex(@"\b\w+Inputs?\b")]
    private static partial Regex InputClass();
}
