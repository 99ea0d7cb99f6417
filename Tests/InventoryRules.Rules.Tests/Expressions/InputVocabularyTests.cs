using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>The authoring tool's completion list: every input and property an expression may read, described.</summary>
public class InputVocabularyTests
{
    [Test]
    public void All_Inputs_InTheOrderOfInputNames() =>
        InputVocabulary.All.Select(i => i.Name).Should().Equal(InputNames.All);

    [Test]
    public void All_EveryInputAndProperty_HasADescription()
    {
        InputVocabulary.All.Should().AllSatisfy(i => i.Description.Should().NotBeNullOrWhiteSpace());
        InputVocabulary.All.SelectMany(i => i.Properties).Should().AllSatisfy(p => p.Description.Should().NotBeNullOrWhiteSpace());
    }

    [Test]
    public void All_Properties_AreEveryPropertyTheCompilerBinds() =>
        InputVocabulary.All.SelectMany(i => i.Properties).Select(p => p.Name).Distinct()
            .Should().BeEquivalentTo(ExpressionInputs.PropertyNames);

    [TestCase("item", "Sku", "text")]
    [TestCase("item", "Perishable", "true/false")]
    [TestCase("item", "ShelfLifeDays", "number")]
    [TestCase("item", "Margin", "number")]
    [TestCase("line", "Quantity", "number")]
    [TestCase("node", "Capabilities", "list of text")]
    [TestCase("position", "BurnRate", "number")]
    [TestCase("order", "Value", "number")]
    [TestCase("context", "Now", "date and time")]
    public void All_Property_TypeInPlannerWords(string input, string property, string type) =>
        InputVocabulary.All.Single(i => i.Name == input).Properties.Single(p => p.Name == property).Type.Should().Be(type);

    [Test]
    public void All_Properties_InDeclarationOrder() =>
        InputVocabulary.All.Single(i => i.Name == InputNames.Item).Properties.Select(p => p.Name).Take(3)
            .Should().Equal("Sku", "Category", "VelocityClass");

    [TestCase(typeof(DateTimeOffset), "instant")]
    [TestCase(typeof(string[]), "list of text")]
    [TestCase(typeof(List<string>), "list of text")]
    [TestCase(typeof(decimal), "number")]
    public void TypeWord_KnownType_PlannerWord(Type type, string word) => InputVocabulary.TypeWord(type).Should().Be(word);

    [Test]
    public void TypeWord_UnknownType_Throws() =>
        FluentActions.Invoking(() => InputVocabulary.TypeWord(typeof(Guid))).Should().Throw<InvalidOperationException>();
}
