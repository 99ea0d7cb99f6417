using CsCheck;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>Whatever the text, checking and compiling answer with a value, never an exception.</summary>
public class ExpressionFuzzTests
{
    static readonly string[] Tokens =
    [
        "item", "node", "order", "position", "context", ".", "Sku", "Capabilities", "Now", "OnHand", "Type", "(", ")", "[", "]",
        "\"x\"", "'a'", "1", "2.5m", "1e400", "0x7F", "+", "-", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||", "!", "?", ":",
        "??", ",", "in", "np", "iif", "it", "$", "@0", "Math", "Max", "Round", "string", "Concat", "PadLeft", "Contains",
        "StartsWith", "GetType", "Assembly", "new", "as", "is", "cast", "object", "int", "DateTime", "AddDays", "=>", "Any",
        "Count", "null", "true", "false", "Convert", "ToInt32", "Length", "DayOfWeek", "Friday", "Enumerable", "Range",
    ];

    static readonly Gen<string> TokenSoup = Gen.OneOfConst(Tokens).Array[1, 30].Select(ts => string.Join(" ", ts));

    [Test]
    public void Check_TokenSoup_NeverThrows() =>
        TokenSoup.Sample(text =>
        {
            SafeExpressions.Check(text, InputNames.All, typeof(bool)).Should().HaveCountLessThanOrEqualTo(1);
            SafeExpressions.Check(text, InputNames.All, typeof(double)).Should().HaveCountLessThanOrEqualTo(1);
        }, iter: 3_000);

    [Test]
    public void Compile_TokenSoupThatCompiles_EvaluatesOrFailsAsValue() =>
        TokenSoup.Sample(text =>
        {
            var (expression, problem) = SafeExpressions.Compile<double>(text, InputNames.All);
            (expression is null).Should().Be(problem is not null);
            expression?.TryEvaluate(ExpressionInputsData.Sample(), out _, out _);
        }, iter: 3_000);

    [Test]
    public void Check_TokenSoup_MessagesUsePlannerWords() =>
        TokenSoup.Sample(text =>
        {
            foreach (var problem in SafeExpressions.Check(text, InputNames.All, typeof(bool)))
                ExpressionMessageTests.ShouldUsePlannerWords(problem, text);
        }, iter: 3_000);

    [Test]
    public void Check_AnyString_NeverThrows() =>
        Gen.String.Sample(text => SafeExpressions.Check(text, InputNames.All, typeof(bool)).Should().HaveCountLessThanOrEqualTo(1),
            iter: 3_000);
}
