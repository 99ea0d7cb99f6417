using System.Text.Json.Nodes;
using InventoryRules.Rules.Tests.Schema;
using InventoryRules.Rules.Validation;

namespace InventoryRules.Rules.Tests.Validation;

/// <summary>What the schema cannot see: expressions, references, conflicts and unreachable rules.</summary>
public class RuleSetValidatorTests
{
    static IReadOnlyList<RuleProblem> Validate(string rules, string segment = "retail") =>
        RuleSetValidator.Validate(JsonNode.Parse($$"""{ "segment": "{{segment}}", "name": "t", "rules": [ {{rules}} ] }"""), SampleContext.Value);

    [TestCaseSource(typeof(SampleRuleSets), nameof(SampleRuleSets.Segments))]
    public void Validate_SampleRuleSet_NoErrorsAgainstTheSampleNetwork(string segment) =>
        RuleSetValidator.Validate(SampleRuleSets.Load(segment), SampleContext.Value)
            .Where(p => p.Severity == RuleProblemCodes.Error).Should().BeEmpty();

    [Test]
    public void Validate_UnknownSegment_LocatedAtSegment() =>
        Validate("""{ "id": "s", "kind": "split", "allowSplit": false }""", segment: "martians")
            .Should().ContainSingle(p => p.Code == RuleProblemCodes.UnknownSegment).Which.Pointer.Should().Be("/segment");

    [Test]
    public void Validate_HostileCondition_ErrorAtTheCondition()
    {
        var problems = Validate("""{ "id": "s", "kind": "split", "allowSplit": false, "condition": "System.IO.File.Exists(\"/etc/passwd\")" }""");

        problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Pointer = "/rules/0/condition", Severity = "error" },
            o => o.ExcludingMissingMembers());
    }

    [Test]
    public void Validate_InputTheKindCannotRead_ErrorNamesTheInput()
    {
        var problems = Validate("""{ "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 5, "condition": "order.Value > 100" }""");

        problems.Should().ContainSingle().Which.Code.Should().Be("expression_unknown_input");
    }

    [Test]
    public void Validate_ScoreThatIsNotANumber_ErrorAtScore() =>
        Validate("""{ "id": "p", "kind": "allocation_priority", "score": "customer.Tier", "tieBreaks": [ { "expression": "order.Value", "descending": true } ] }""")
            .Should().ContainSingle().Which.Pointer.Should().Be("/rules/0/score");

    [Test]
    public void Validate_UnknownReferences_EachLocated()
    {
        var problems = Validate("""
            { "id": "h", "kind": "hold", "forSegment": "nobody", "quantity": 5,
              "scope": { "skus": [ "SKU-000001", "SKU-NOPE" ], "nodes": [ "DC-ATLANTIS" ], "categories": [ "unicorns" ], "countries": [ "FR" ] } }
            """);

        problems.Select(p => (p.Pointer, p.Code)).Should().BeEquivalentTo([
            ("/rules/0/scope/skus/1", RuleProblemCodes.UnknownSku), ("/rules/0/scope/nodes/0", RuleProblemCodes.UnknownNode),
            ("/rules/0/scope/categories/0", RuleProblemCodes.UnknownCategory), ("/rules/0/scope/countries/0", RuleProblemCodes.UnknownCountry),
            ("/rules/0/forSegment", RuleProblemCodes.UnknownSegment)]);
    }

    [Test]
    public void Validate_DuplicateRuleIds_SecondReported() =>
        Validate("""{ "id": "x", "kind": "split", "allowSplit": false }, { "id": "x", "kind": "split", "allowSplit": true, "condition": "order.LineCount > 3" }""")
            .Should().Contain(p => p.Code == RuleProblemCodes.DuplicateRuleId && p.Pointer == "/rules/1/id");

    [Test]
    public void Validate_UnconditionalHoldsOverAllStock_Error()
    {
        var problems = Validate("""
            { "id": "vip", "kind": "hold", "forSegment": "vip", "share": 0.6 },
            { "id": "b2b", "kind": "hold", "forSegment": "b2b", "share": 0.5, "scope": { "categories": [ "dairy" ] } }
            """);

        problems.Where(p => p.Code == RuleProblemCodes.HoldsExceedStock).Should().HaveCount(2)
            .And.OnlyContain(p => p.Severity == RuleProblemCodes.Error && p.Message.Contains("110"));
    }

    [Test]
    public void Validate_HoldsOnDisjointScopes_NoConflict() =>
        Validate("""
            { "id": "a", "kind": "hold", "forSegment": "vip", "share": 0.6, "scope": { "categories": [ "dairy" ] } },
            { "id": "b", "kind": "hold", "forSegment": "b2b", "share": 0.6, "scope": { "categories": [ "frozen" ] } }
            """).Should().BeEmpty();

    [Test]
    public void Validate_ConditionalHoldsOverAllStock_Warning() =>
        Validate("""
            { "id": "a", "kind": "hold", "forSegment": "vip", "share": 0.6, "condition": "context.Peak" },
            { "id": "b", "kind": "hold", "forSegment": "b2b", "share": 0.6, "condition": "!context.Peak" }
            """).Should().OnlyContain(p => p.Code == RuleProblemCodes.HoldsExceedStock && p.Severity == RuleProblemCodes.Warning);

    [Test]
    public void Validate_RuleAfterAnAlwaysMatchingRuleOfItsKind_ReportedShadowed()
    {
        var problems = Validate("""
            { "id": "all", "kind": "safety_stock", "method": "fixed", "quantity": 2 },
            { "id": "dairy", "kind": "safety_stock", "method": "fixed", "quantity": 8, "scope": { "categories": [ "dairy" ] } }
            """);

        problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Pointer = "/rules/1", Code = RuleProblemCodes.RuleShadowed },
            o => o.ExcludingMissingMembers());
    }

    [Test]
    public void Validate_NarrowRuleBeforeBroadOne_NotShadowed() =>
        Validate("""
            { "id": "dairy", "kind": "safety_stock", "method": "fixed", "quantity": 8, "scope": { "categories": [ "dairy" ] } },
            { "id": "all", "kind": "safety_stock", "method": "fixed", "quantity": 2 }
            """).Should().BeEmpty();

    [Test]
    public void Validate_PriorityWithoutTieBreak_Warning() =>
        Validate("""{ "id": "p", "kind": "allocation_priority", "score": "customer.ContractPriority" }""")
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = RuleProblemCodes.PriorityTieUnbroken, Severity = "warning" },
                o => o.ExcludingMissingMembers());

    [Test]
    public void Validate_SafetyStockMinAboveMax_Error() =>
        Validate("""{ "id": "s", "kind": "safety_stock", "method": "fixed", "quantity": 5, "min": 10, "max": 4 }""")
            .Should().ContainSingle(p => p.Code == RuleProblemCodes.InvalidRange).Which.Pointer.Should().Be("/rules/0/min");

    [Test]
    public void Validate_ReclassificationToTheSameStatus_Error() =>
        Validate("""{ "id": "r", "kind": "reclassification", "inspectionResult": "fail", "from": "damaged", "to": "damaged" }""")
            .Should().ContainSingle(p => p.Code == RuleProblemCodes.InvalidRange).Which.Pointer.Should().Be("/rules/0/to");

    [Test]
    public void Validate_DisabledRules_NeitherConflictNorShadow() =>
        Validate("""
            { "id": "all", "kind": "safety_stock", "method": "fixed", "quantity": 2, "enabled": false },
            { "id": "dairy", "kind": "safety_stock", "method": "fixed", "quantity": 8, "scope": { "categories": [ "dairy" ] } }
            """).Should().BeEmpty();
}
