using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;
using InventoryRules.Rules.Validation;

namespace InventoryRules.Rules.Tests.Schema;

public class SampleRuleSetTests
{
    static readonly string[] Segments = SampleRuleSets.Segments;

    [TestCaseSource(nameof(Segments))]
    public void Validate_SampleRuleSet_HasNoSchemaProblems(string segment) =>
        SchemaValidator.Validate(SampleRuleSets.Load(segment)).Should().BeEmpty();

    [TestCaseSource(nameof(Segments))]
    public void Deserialize_SampleRuleSet_ReadsEveryRuleWithItsKind(string segment)
    {
        var json = SampleRuleSets.Load(segment);

        var document = json.Deserialize<RuleSetDocument>(RuleSetJson.Options)!;

        document.Segment.Should().Be(segment, "the file is named after the segment it governs");
        document.Rules.Select(r => r.Kind).Should().Equal(
            json["rules"]!.AsArray().Select(r => (string)r!["kind"]!));
        document.Rules.Should().OnlyHaveUniqueItems(r => r.Id);
    }

    [Test]
    public void Deserialize_KindAfterOtherProperties_StillPicksTheKind()
    {
        var json = JsonNode.Parse("""{ "segment": "vip", "name": "n", "rules": [ { "id": "h", "forSegment": "vip", "share": 0.1, "kind": "hold" } ] }""")!;

        var document = json.Deserialize<RuleSetDocument>(RuleSetJson.Options)!;

        document.Rules.Should().ContainSingle().Which.Should().BeOfType<HoldRule>().Which.Share.Should().Be(0.1);
    }

    [Test]
    public void SampleRuleSets_Together_UseEveryRuleKind()
    {
        var used = Segments.SelectMany(s => SampleRuleSets.Load(s)["rules"]!.AsArray().Select(r => (string)r!["kind"]!)).ToHashSet();

        used.Should().BeEquivalentTo(RuleKinds.All);
    }

    [TestCaseSource(nameof(Segments))]
    public void SampleRuleSet_Each_UsesSeveralKinds(string segment) =>
        SampleRuleSets.Load(segment)["rules"]!.AsArray().Select(r => (string)r!["kind"]!).Distinct()
            .Should().HaveCountGreaterThanOrEqualTo(4);

    [TestCaseSource(nameof(Segments))]
    public void Expressions_SampleRuleSet_ParseOverTheInputsTheirKindMayRead(string segment)
    {
        var problems = SampleRuleSets.Load(segment)["rules"]!.AsArray()
            .SelectMany(rule => PlannerExpressions.Of(rule!).Select(e => (rule, e)))
            .Select(x => PlannerExpressions.Problem((string)x.rule!["kind"]!, x.e.Text, x.e.Boolean) is { } p ? $"{x.rule!["id"]} {x.e.Path}: {p}" : null)
            .OfType<string>();

        problems.Should().BeEmpty();
    }
}
