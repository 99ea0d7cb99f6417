using System.Text.Json.Nodes;
using InventoryRules.Rules.Versions;

namespace InventoryRules.Rules.Tests.Versions;

/// <summary>What a planner sees when comparing two versions.</summary>
public class RuleSetDiffTests
{
    static JsonNode Doc(string name, params string[] rules) =>
        JsonNode.Parse($$"""{ "segment": "vip", "name": "{{name}}", "rules": [ {{string.Join(",", rules)}} ] }""")!;

    const string Hold = """{ "id": "vip-hold", "kind": "hold", "forSegment": "vip", "share": 0.2 }""";
    const string HoldWider = """{ "id": "vip-hold", "kind": "hold", "forSegment": "vip", "share": 0.3, "condition": "position.BurnRate > 5" }""";
    const string Split = """{ "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2 }""";
    const string Routing = """{ "id": "fast", "kind": "routing", "weights": { "transitDays": 3, "cost": 1 } }""";

    [Test]
    public void Compare_SameDocument_NoChanges()
    {
        var diff = RuleSetDiff.Compare(Doc("VIP", Hold, Split), Doc("VIP", Hold, Split));

        diff.Fields.Should().BeEmpty();
        diff.Rules.Should().BeEmpty();
    }

    [Test]
    public void Compare_RuleAddedRemovedChanged_EachReportedWithFieldPointers()
    {
        var diff = RuleSetDiff.Compare(Doc("VIP", Hold, Split), Doc("VIP rules", HoldWider, Routing));

        diff.Fields.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Pointer = "/name" }, o => o.ExcludingMissingMembers());
        diff.Rules.Select(r => (r.Id, r.Change)).Should().BeEquivalentTo([("vip-hold", "changed"), ("fast", "added"), ("split", "removed")]);
        var hold = diff.Rules.Single(r => r.Id == "vip-hold");
        hold.Fields.Select(f => f.Pointer).Should().BeEquivalentTo(["/condition", "/share"]);
        hold.Fields.Single(f => f.Pointer == "/share").To!.GetValue<double>().Should().Be(0.3);
        hold.Fields.Single(f => f.Pointer == "/condition").From.Should().BeNull();
        (diff.Added, diff.Removed, diff.Changed).Should().Be((1, 1, 1));
    }

    [Test]
    public void Compare_RulesSwapped_ReportedAsMoved()
    {
        var diff = RuleSetDiff.Compare(Doc("VIP", Hold, Split, Routing), Doc("VIP", Split, Hold, Routing));

        diff.Rules.Where(r => r.Change == "moved").Select(r => r.Id).Should().BeEquivalentTo(["vip-hold", "split"]);
        diff.Rules.Should().NotContain(r => r.Id == "fast");
    }

    [Test]
    public void Compare_InvalidDraftWithoutIds_MatchesByPositionWithoutThrowing()
    {
        var from = JsonNode.Parse("""{ "rules": [ { "kind": "split" }, { "id": 42 } ] }""");
        var to = JsonNode.Parse("""{ "rules": [ { "kind": "split", "maxNodesPerOrder": 1 } ] }""");

        var diff = RuleSetDiff.Compare(from, to);

        diff.Rules.Select(r => (r.Id, r.Change)).Should().BeEquivalentTo([("#0", "changed"), ("#1", "removed")]);
    }
}
