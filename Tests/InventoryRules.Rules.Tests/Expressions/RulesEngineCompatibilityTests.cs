using System.Globalization;
using System.Text.Json;
using CsCheck;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using RulesEngine.Models;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>
/// An expression means here what it means in RulesEngine. The same texts run through
/// <c>RulesEngine.ExecuteAllRulesAsync</c> (one workflow, inputs as named <see cref="RuleParameter"/>s)
/// and through <see cref="SafeExpressions"/>' compiled delegates, over generated inputs; every result
/// must agree, failures included (an integer division by zero fails in both).
/// Conditions are rules whose Expression is the text: RulesEngine's IsSuccess is the value.
/// Scores are rules that always succeed and run RulesEngine's built-in OutputExpression action on the
/// text: ActionResult.Output is the value RulesEngine computed, converted to double as ours is.
/// </summary>
public class RulesEngineCompatibilityTests
{
    const string Workflow = "compatibility";

    // Beyond the planner samples: expressions that fail for some inputs, to compare failures too.
    static readonly string[] FailingScores =
    [
        "position.OnHand / position.Committed",
        "Math.Round(position.BurnRate, order.LineCount)",
        "int(position.OnHand * 10000000000)",
        "context.Now.AddDays(order.RequestedInDays * 100000).Day",
    ];

    static readonly (string Text, bool IsCondition)[] Expressions =
    [
        .. SampleExpressions.Conditions.Select(c => (c.Text, true)),
        .. SampleExpressions.Scores.Select(s => (s.Text, false)),
        .. FailingScores.Select(s => (s, false)),
    ];

    [Test]
    public async Task ExecuteAllRulesAsync_AndCompiledDelegates_AgreeOnEveryResult()
    {
        var engine = new RulesEngine.RulesEngine([new Workflow { WorkflowName = Workflow, Rules = [.. Expressions.Select(ToRule)] }], new ReSettings
        {
            EnableExceptionAsErrorMessage = true,
            // Otherwise RulesEngine turns an expression it cannot parse into a silent `false`.
            EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
            CustomTypes = [],
        });
        var compiled = Expressions.Select(e => Compile(e.Text, e.IsCondition)).ToArray();
        var compared = 0;
        var failuresSeen = 0;

        await ExpressionInputsData.Inputs.SampleAsync(async inputs =>
        {
            var results = await engine.ExecuteAllRulesAsync(Workflow, Parameters(inputs));
            results.Should().HaveCount(Expressions.Length);
            for (var i = 0; i < Expressions.Length; i++)
            {
                var (theirs, theirFailure) = RulesEngineResult(results[i], Expressions[i].IsCondition);
                var (ours, ourFailure) = compiled[i](inputs);
                (ourFailure is not null).Should().Be(theirFailure is not null,
                    $"'{Expressions[i].Text}': RulesEngine failed with \"{theirFailure}\", we with \"{ourFailure}\"");
                if (ourFailure is null) ours.Should().Be(theirs, $"'{Expressions[i].Text}' must give what RulesEngine gives");
                else failuresSeen++;
                compared++;
            }
        }, iter: 300, threads: 1, print: inputs => JsonSerializer.Serialize(inputs));

        compared.Should().Be(300 * Expressions.Length);
        failuresSeen.Should().BePositive("the failing expressions must fail for some generated inputs");
    }

    static Rule ToRule((string Text, bool IsCondition) e, int i) => e.IsCondition
        ? new Rule { RuleName = $"condition {i}", Expression = e.Text, RuleExpressionType = RuleExpressionType.LambdaExpression }
        : new Rule
        {
            RuleName = $"score {i}",
            Expression = "true",
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Actions = new RuleActions
            {
                OnSuccess = new ActionInfo { Name = "OutputExpression", Context = new() { ["expression"] = e.Text } },
            },
        };

    static (object? Value, string? Failure) RulesEngineResult(RuleResultTree result, bool isCondition)
    {
        if (!string.IsNullOrEmpty(result.ExceptionMessage)) return (null, result.ExceptionMessage);
        if (isCondition) return (result.IsSuccess, null);
        result.IsSuccess.Should().BeTrue();
        if (result.ActionResult?.Exception is { } e) return (null, e.Message);
        return (Convert.ToDouble(result.ActionResult!.Output, CultureInfo.InvariantCulture), null);
    }

    static Func<RuleInputs, (object? Value, string? Failure)> Compile(string text, bool isCondition)
    {
        if (isCondition)
        {
            var (condition, problem) = SafeExpressions.Compile<bool>(text, InputNames.All);
            problem.Should().BeNull(text);
            return inputs => condition!.TryEvaluate(inputs, out var value, out var failure) ? (value, null) : (null, failure!.Message);
        }
        var (score, scoreProblem) = SafeExpressions.Compile<double>(text, InputNames.All);
        scoreProblem.Should().BeNull(text);
        return inputs => score!.TryEvaluate(inputs, out var value, out var failure) ? (value, null) : (null, failure!.Message);
    }

    static RuleParameter[] Parameters(RuleInputs inputs) =>
    [
        new(InputNames.Order, inputs.Order), new(InputNames.Line, inputs.Line), new(InputNames.Item, inputs.Item),
        new(InputNames.Node, inputs.Node), new(InputNames.Position, inputs.Position), new(InputNames.Customer, inputs.Customer),
        new(InputNames.Context, inputs.Context),
    ];
}
