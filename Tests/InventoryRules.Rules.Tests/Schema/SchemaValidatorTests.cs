using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryRules.Rules.Validation;

namespace InventoryRules.Rules.Tests.Schema;

public class SchemaValidatorTests
{
    const string Hold = """{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 0.15 }""";

    static JsonNode Doc(params string[] rules) =>
        JsonNode.Parse($$"""{ "segment": "vip", "name": "VIP", "rules": [ {{string.Join(", ", rules)}} ] }""")!;

    [Test]
    public void Validate_MinimalRuleSet_HasNoProblems() =>
        SchemaValidator.Validate(Doc(Hold)).Should().BeEmpty();

    [TestCase("""{ "kind": "holdx", "id": "vip-hold", "forSegment": "vip", "share": 0.15 }""", "/rules/0/kind", SchemaValidator.Enum)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "share": 0.15 }""", "/rules/0/forSegment", SchemaValidator.Required)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 1.5 }""", "/rules/0/share", SchemaValidator.Range)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": "0.15" }""", "/rules/0/share", SchemaValidator.Type)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 0.15, "enabled": "yes" }""", "/rules/0/enabled", SchemaValidator.Type)]
    [TestCase("""{ "kind": "safety_stock", "id": "ss", "method": "weekly", "quantity": 3 }""", "/rules/0/method", SchemaValidator.Enum)]
    [TestCase("""{ "id": "vip-hold", "forSegment": "vip", "share": 0.15 }""", "/rules/0/kind", SchemaValidator.Required)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip" }""", "/rules/0", SchemaValidator.Required)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 0.1, "quantity": 4 }""", "/rules/0", SchemaValidator.Violation)]
    [TestCase("""{ "kind": "hold", "id": "Vip Hold", "forSegment": "vip", "share": 0.15 }""", "/rules/0/id", SchemaValidator.Format)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 0.15, "expiresAt": "31.12.2026" }""", "/rules/0/expiresAt", SchemaValidator.Format)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 0.15, "scope": { "velocityClasses": ["D"] } }""", "/rules/0/scope/velocityClasses/0", SchemaValidator.Enum)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 0.15, "scope": { "nodes": [] } }""", "/rules/0/scope/nodes", SchemaValidator.Range)]
    [TestCase("""{ "kind": "safety_stock", "id": "ss", "method": "days_of_supply" }""", "/rules/0/days", SchemaValidator.Required)]
    [TestCase("""{ "kind": "safety_stock", "id": "ss", "method": "service_level", "serviceLevel": 1 , "leadTimeDays": 2 }""", "/rules/0/serviceLevel", SchemaValidator.Range)]
    [TestCase("""{ "kind": "allocation_priority", "id": "p", "score": "1", "tieBreaks": [ { "descending": true } ] }""", "/rules/0/tieBreaks/0/expression", SchemaValidator.Required)]
    [TestCase("""{ "kind": "routing", "id": "r", "weights": { "transitDay": 2 } }""", "/rules/0/weights/transitDay", SchemaValidator.AdditionalProperty)]
    [TestCase("""{ "kind": "backorder", "id": "b", "action": "substitute" }""", "/rules/0/substitutions", SchemaValidator.Required)]
    [TestCase("""{ "kind": "node_eligibility", "id": "n", "reason": "nothing required" }""", "/rules/0", SchemaValidator.Required)]
    [TestCase("""{ "kind": "peak", "id": "p", "adjustments": { } }""", "/rules/0/adjustments", SchemaValidator.Range)]
    [TestCase("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 0.15, "condition": "" }""", "/rules/0/condition", SchemaValidator.Range)]
    public void Validate_OneThingWrong_ReportsExactlyThatAtItsPointer(string rule, string pointer, string code)
    {
        var problems = SchemaValidator.Validate(Doc(rule));

        problems.Should().ContainSingle().Which.Should().Match<RuleProblem>(p =>
            p.Pointer == pointer && p.Code == code && p.Severity == "error" && p.Message.Length > 20);
    }

    [Test]
    public void Validate_TypoInPropertyName_ReportsTheTypoAndTheMissingProperty()
    {
        var problems = SchemaValidator.Validate(Doc("""{ "kind": "hold", "id": "vip-hold", "forSegmnet": "vip", "share": 0.15 }"""));

        problems.Select(p => (p.Pointer, p.Code)).Should().BeEquivalentTo(new[]
        {
            ("/rules/0/forSegment", SchemaValidator.Required),
            ("/rules/0/forSegmnet", SchemaValidator.AdditionalProperty),
        });
        problems.Single(p => p.Code == SchemaValidator.AdditionalProperty).Message
            .Should().Be("Rule 'vip-hold' (hold): forSegmnet is not a property of a hold rule; did you mean forSegment?");
    }

    [Test]
    public void Validate_UnknownKind_SuggestsTheNearestKindWithoutBranchNoise()
    {
        var problem = SchemaValidator.Validate(Doc("""{ "kind": "hodl", "id": "vip-hold" }""")).Single();

        problem.Message.Should().Contain("'hodl' is not").And.Contain("did you mean hold?");
    }

    [Test]
    public void Validate_MissingRequiredProperty_SaysWhatThePropertyIsFor() =>
        SchemaValidator.Validate(Doc("""{ "kind": "hold", "id": "vip-hold", "quantity": 4 }""")).Single().Message
            .Should().Be("Rule 'vip-hold' (hold) needs forSegment: the segment the held units are kept for; only its orders (or segments entitled to consume holds) may take them.");

    [Test]
    public void Validate_FixedSafetyStockWithoutQuantity_NamesTheMethodThatNeedsIt() =>
        SchemaValidator.Validate(Doc("""{ "kind": "safety_stock", "id": "ss" }""")).Single().Message
            .Should().StartWith("Rule 'ss' (safety_stock) with method 'fixed' needs quantity");

    [Test]
    public void Validate_ShareOutOfRange_GivesTheRangeAndTheValue() =>
        SchemaValidator.Validate(Doc("""{ "kind": "hold", "id": "vip-hold", "forSegment": "vip", "share": 1.5 }""")).Single().Message
            .Should().Be("Rule 'vip-hold' (hold): share must be between 0 and 1; it is 1.5.");

    [Test]
    public void Validate_ServerManagedFieldsInTheDocument_AreNotProperties()
    {
        var doc = Doc(Hold);
        doc["version"] = 3;

        SchemaValidator.Validate(doc).Should().ContainSingle()
            .Which.Should().Match<RuleProblem>(p => p.Pointer == "/version" && p.Code == SchemaValidator.AdditionalProperty);
    }

    [Test]
    public void Validate_MissingTopLevelProperties_ReportsEachAtItsPointer() =>
        SchemaValidator.Validate(JsonNode.Parse("""{ "rules": [] }""")).Select(p => (p.Pointer, p.Code))
            .Should().Equal(("/name", SchemaValidator.Required), ("/segment", SchemaValidator.Required));

    [Test]
    public void Validate_NotAnObject_ReportsTheTypeAtTheRoot() =>
        SchemaValidator.Validate(JsonNode.Parse("[]")).Should().ContainSingle()
            .Which.Should().Match<RuleProblem>(p => p.Pointer == "" && p.Code == SchemaValidator.Type);

    [Test]
    public void Validate_Null_ReportsTheTypeAtTheRoot() =>
        SchemaValidator.Validate((JsonNode?)null).Should().ContainSingle()
            .Which.Code.Should().Be(SchemaValidator.Type);

    [Test]
    public void Validate_ProblemsInSeveralRules_AreInDocumentOrder()
    {
        var rules = Enumerable.Range(0, 12).Select(i => i is 2 or 10
            ? """{ "kind": "hold", "id": "h", "forSegment": "vip", "share": 2 }""" : Hold).ToArray();

        SchemaValidator.Validate(Doc(rules)).Select(p => p.Pointer).Should().Equal("/rules/2/share", "/rules/10/share");
    }

    [Test]
    public void Validate_JsonElementAndJsonNode_Agree()
    {
        var node = Doc("""{ "kind": "hold", "id": "vip-hold", "forSegmnet": "vip", "share": 1.5 }""");
        using var element = JsonDocument.Parse(node.ToJsonString());

        SchemaValidator.Validate(element.RootElement).Should().Equal(SchemaValidator.Validate(node));
    }

    [Test]
    public void Validate_ManyThreadsAtOnce_GiveTheSameAnswers()
    {
        string[] bodies = [Hold, """{ "kind": "holdx", "id": "x" }""", """{ "kind": "hold", "id": "h", "forSegmnet": "vip", "share": 1.5 }"""];
        var expected = bodies.Select(b => SchemaValidator.Validate(Doc(b))).ToArray();
        var results = new IReadOnlyList<RuleProblem>[300];

        Parallel.For(0, results.Length, i => results[i] = SchemaValidator.Validate(Doc(bodies[i % bodies.Length])));

        for (var i = 0; i < results.Length; i++) results[i].Should().Equal(expected[i % bodies.Length]);
    }
}
