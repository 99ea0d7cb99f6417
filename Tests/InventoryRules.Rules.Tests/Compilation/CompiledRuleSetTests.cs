using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;
using InventoryRules.Rules.Tests.Schema;

namespace InventoryRules.Rules.Tests.Compilation;

/// <summary>A published version compiled once and evaluated as delegates.</summary>
public class CompiledRuleSetTests
{
    static CompiledRuleSet Compile(string rules)
    {
        var document = RuleSetJson.TryRead(System.Text.Json.Nodes.JsonNode.Parse($$"""{ "segment": "retail", "name": "t", "rules": [ {{rules}} ] }"""))!;
        var (ruleSet, problems) = CompiledRuleSet.Compile("retail-v9", 9, document);
        problems.Should().BeEmpty();
        return ruleSet!;
    }

    static RuleInputs Inputs(string category = "dairy", string velocity = "A", string nodeType = "store", double burnRate = 4) => new()
    {
        Item = new ItemInput { Sku = "SKU-1", Category = category, VelocityClass = velocity },
        Node = new NodeInput { Code = "ST-1", Type = nodeType, Country = "DE" },
        Position = new PositionInput { OnHand = 40, Available = 35, BurnRate = burnRate },
    };

    [TestCaseSource(typeof(SampleRuleSets), nameof(SampleRuleSets.Segments))]
    public void Compile_SampleRuleSet_EveryRuleCompiled(string segment)
    {
        var document = RuleSetJson.TryRead(SampleRuleSets.Load(segment))!;

        var (ruleSet, problems) = CompiledRuleSet.Compile($"{segment}-v1", 1, document);

        problems.Should().BeEmpty();
        ruleSet!.Rules.Should().HaveCount(document.Rules.Count);
        ruleSet.Segment.Should().Be(segment);
    }

    [Test]
    public void FirstMatch_ScopeAndCondition_PicksTheFirstRuleThatApplies()
    {
        var ruleSet = Compile("""
            { "id": "fresh-fast", "kind": "safety_stock", "method": "fixed", "quantity": 12, "scope": { "categories": [ "dairy" ] }, "condition": "position.BurnRate > 10" },
            { "id": "fresh", "kind": "safety_stock", "method": "fixed", "quantity": 6, "scope": { "categories": [ "dairy" ], "nodeTypes": [ "store" ] } },
            { "id": "rest", "kind": "safety_stock", "method": "fixed", "quantity": 2 }
            """);

        ruleSet.FirstMatch(RuleKinds.SafetyStock, Inputs(burnRate: 15))!.Rule.Id.Should().Be("fresh-fast");
        ruleSet.FirstMatch(RuleKinds.SafetyStock, Inputs(burnRate: 4))!.Rule.Id.Should().Be("fresh");
        ruleSet.FirstMatch(RuleKinds.SafetyStock, Inputs(nodeType: "dc"))!.Rule.Id.Should().Be("rest");
        ruleSet.FirstMatch(RuleKinds.SafetyStock, Inputs(category: "frozen"))!.Rule.Id.Should().Be("rest");
        ruleSet.FirstMatch(RuleKinds.Split, Inputs()).Should().BeNull();
    }

    [Test]
    public void FirstMatch_DisabledRule_Skipped()
    {
        var ruleSet = Compile("""
            { "id": "off", "kind": "split", "allowSplit": false, "enabled": false },
            { "id": "on", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3 }
            """);

        ruleSet.FirstMatch(RuleKinds.Split, Inputs())!.Rule.Id.Should().Be("on");
    }

    [Test]
    public void Number_PriorityScoreAndTieBreak_EvaluatedFromInputs()
    {
        var ruleSet = Compile("""
            { "id": "p", "kind": "allocation_priority", "score": "customer.ContractPriority * 100 + (customer.Tier == \"gold\" ? 50 : 0)",
              "tieBreaks": [ { "expression": "order.Value", "descending": true } ] }
            """);
        var rule = ruleSet.OfKind(RuleKinds.AllocationPriority)[0];
        var inputs = new RuleInputs { Customer = new CustomerInput { ContractPriority = 2, Tier = "gold" }, Order = new OrderInput { Value = 310.5m } };

        rule.Number("score", inputs).Should().Be(250);
        rule.Number("tieBreaks/0/expression", inputs).Should().Be(310.5);
    }

    [Test]
    public void Evaluate_ManyThreadsOneRuleSet_SameAnswers()
    {
        var ruleSet = Compile("""{ "id": "r", "kind": "routing", "weights": { "transitDays": 2 }, "score": "node.DistanceKm / 100 + (node.CutoffMet ? 0 : 5)" }""");
        var rule = ruleSet.OfKind(RuleKinds.Routing)[0];
        var expected = Enumerable.Range(0, 1000).Select(i => i / 100.0 + (i % 2 == 0 ? 0 : 5)).ToArray();

        var results = new double[1000];
        Parallel.For(0, 1000, i => results[i] = rule.Number("score", new RuleInputs { Node = new NodeInput { DistanceKm = i, CutoffMet = i % 2 == 0 } }));

        results.Should().Equal(expected);
    }
}

/// <summary>The fused delegate gives every expression the value its own delegate gives.</summary>
public class RuleSetEvaluatorTests
{
    [TestCaseSource(typeof(SampleRuleSets), nameof(SampleRuleSets.Segments))]
    public void Evaluate_SampleRuleSet_SameValuesAsEachExpressionAlone(string segment)
    {
        var ruleSet = CompiledRuleSet.Compile($"{segment}-v1", 1, RuleSetJson.TryRead(SampleRuleSets.Load(segment))!).RuleSet!;
        var buffer = ruleSet.Evaluator.NewBuffer();
        var random = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            var inputs = new RuleInputs
            {
                Item = new ItemInput { Category = random.Next(2) == 0 ? "dairy" : "frozen", VelocityClass = "ABC"[random.Next(3)].ToString(), Perishable = random.Next(2) == 0, ShelfLifeDays = random.Next(1, 30) },
                Node = new NodeInput { Type = random.Next(2) == 0 ? "store" : "dc", Country = random.Next(2) == 0 ? "DE" : "CH", CapacityLeft = random.Next(-2, 5),
                    TransitDays = random.Next(0, 4), DutyPaid = random.Next(2) == 0, Capabilities = random.Next(2) == 0 ? ["cold_chain"] : ["ship_from_store"] },
                Position = new PositionInput { Available = random.Next(0, 100), BurnRate = random.NextDouble() * 10, DaysOfSupply = random.NextDouble() * 20,
                    RemainingShelfLifeDays = random.Next(0, 20) },
                Order = new OrderInput { ShipToCountry = random.Next(2) == 0 ? "DE" : "CH", RequestedInDays = random.Next(0, 4), Value = random.Next(1, 2000), TotalUnits = random.Next(1, 2000) },
                Customer = new CustomerInput { Tier = random.Next(2) == 0 ? "gold" : "standard", ContractPriority = random.Next(3) },
                Context = new ContextInput { BurnRateRatio = random.NextDouble() * 3, Hour = random.Next(24), Peak = random.Next(2) == 0 },
            };

            ruleSet.Evaluator.Evaluate(inputs, buffer);

            for (var k = 0; k < buffer.Length; k++)
            {
                var slot = ruleSet.Evaluator.Slots[k];
                var rule = ruleSet.Rules[slot.RuleIndex];
                var alone = slot.Path switch
                {
                    "condition" => rule.ConditionHolds(inputs) ? 1.0 : 0.0,
                    "eligible" => rule.Eligible!.Evaluate(inputs) ? 1.0 : 0.0,
                    _ => rule.Number(slot.Path, inputs),
                };
                buffer[k].Should().Be(alone, $"{segment} /rules/{slot.RuleIndex}/{slot.Path}");
            }
        }
    }
}
