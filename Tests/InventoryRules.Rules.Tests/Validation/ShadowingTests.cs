using System.Text.Json.Nodes;
using InventoryRules.Rules.Tests.Schema;
using InventoryRules.Rules.Validation;

namespace InventoryRules.Rules.Tests.Validation;

/// <summary>Which rules can hide one another, and that the shipped samples show planners no warning at all.</summary>
public class ShadowingTests
{
    static IReadOnlyList<RuleProblem> Validate(string rules) =>
        RuleSetValidator.Validate(JsonNode.Parse($$"""{ "segment": "cold_chain", "name": "t", "rules": [ {{rules}} ] }"""), SampleContext.Value);

    [Test]
    public void Reclassifications_OfDifferentInspectionResults_DoNotShadowEachOther() =>
        Validate("""
            { "id": "confirmed", "kind": "reclassification", "inspectionResult": "excursion_confirmed", "from": "quarantined", "to": "damaged", "share": 1 },
            { "id": "cleared", "kind": "reclassification", "inspectionResult": "check_passed", "from": "quarantined", "to": "sellable", "share": 1 }
            """).Should().BeEmpty();

    [Test]
    public void Reclassifications_OfTheSameInspectionResult_LaterOneShadowed() =>
        Validate("""
            { "id": "first", "kind": "reclassification", "inspectionResult": "check_passed", "from": "quarantined", "to": "sellable", "share": 1 },
            { "id": "second", "kind": "reclassification", "inspectionResult": "check_passed", "from": "quarantined", "to": "sellable", "share": 0.5 }
            """).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Pointer = "/rules/1", Code = RuleProblemCodes.RuleShadowed },
                o => o.ExcludingMissingMembers());

    [TestCaseSource(typeof(SampleRuleSets), nameof(SampleRuleSets.Segments))]
    public void SampleRuleSet_NoWarningsEither(string segment) =>
        RuleSetValidator.Validate(SampleRuleSets.Load(segment), SampleContext.Value).Should().BeEmpty(
            "a sample shown to a new planner must not carry warnings");
}
