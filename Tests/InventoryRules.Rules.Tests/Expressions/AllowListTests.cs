using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>
/// Defense in depth: these expressions parse under RulesEngine's own configuration (its custom type
/// provider registers the input types with all their base types, <c>object</c> included, and
/// <c>Enumerable</c>), which is how a rule set would run if our checks were skipped. The allow-list walk
/// alone must refuse every one of them, without help from the text scan or our stricter parser.
/// </summary>
public class AllowListTests
{
    [TestCase("\"\".GetType().Assembly", "GetType()")]
    [TestCase("item.GetType().Assembly.FullName", "GetType()")]
    [TestCase("\"\".GetType().Assembly.DefinedTypes.Where(it.Name == \"Process\").Count()", "GetType()")]
    [TestCase("np(\"\".GetType().Assembly)", "GetType()")]
    [TestCase("Convert.ChangeType(item, \"\".GetType())", "GetType()")]
    [TestCase("Convert.ChangeType(item.Sku, TypeCode.Int32)", "TypeCode")]
    [TestCase("as(item, \"System.Object\")", "cast to object (as)")]
    [TestCase("cast(item, \"System.Object\")", "Converting ItemInput to object")]
    [TestCase("\"System.Object\"(item)", "Converting ItemInput to object")]
    [TestCase("object(item)", "Converting ItemInput to object")]
    [TestCase("Enumerable.Range(0, int.MaxValue).Count()", "int.MaxValue")]
    [TestCase("Enumerable.Range(0, 2000000000).Count()", "Enumerable.Range()")]
    [TestCase("Enumerable.Repeat(\"x\", 1000000000).Count()", "Enumerable.Repeat()")]
    [TestCase("new(item.Sku as X)", "Creating a")]
    [TestCase("line.Sku.Any(c => true)", "A lambda")]
    [TestCase("\"x\".PadLeft(1000000000)", "string.PadLeft()")]
    [TestCase("int.MaxValue", "int.MaxValue")]
    public void Check_ParsedByRulesEnginesConfiguration_RefusedByTheWalkAlone(string text, string named)
    {
        var inputs = new ExpressionInputs(InputNames.All);
        var config = new ParsingConfig
        {
            CustomTypeProvider = new RulesEngine.CustomTypeProvider([.. ExpressionInputs.Types]),
        };
        var parsed = DynamicExpressionParser.ParseLambda(config, false, inputs.Parameters, null, text);

        var problem = ExpressionAllowList.Check(parsed.Body, inputs, inputs.Parameters);

        problem.Should().NotBeNull();
        problem!.Code.Should().Be(ExpressionProblem.Forbidden);
        problem.Message.Should().Contain(named);
    }

    [Test]
    public void Check_ParameterNotGivenToTheParser_Refused()
    {
        var inputs = new ExpressionInputs([InputNames.Item]);
        var stranger = Expression.Parameter(typeof(OrderInput), "order");

        ExpressionAllowList.Check(Expression.Property(stranger, nameof(OrderInput.PreOrder)), inputs, inputs.Parameters)!
            .Code.Should().Be(ExpressionProblem.Forbidden);
    }
}
