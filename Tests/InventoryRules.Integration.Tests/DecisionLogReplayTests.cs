using System.Net;
using FluentAssertions;
using InventoryRules.Api.Decisions;
using InventoryRules.Engine.Decisions;
using Microsoft.Extensions.DependencyInjection;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// A decision read back from the real log (request, snapshot with its node list stored once by hash)
/// and decided again under the same rule set gives the same result, byte for byte.
/// </summary>
public sealed class DecisionLogReplayTests(string provider) : DecisionFixture(provider)
{
    [Test]
    public async Task A_logged_decision_replays_to_the_same_result()
    {
        var sku = await StockedItemAsync(5);
        var other = await StockedItemAsync(3, Shop);
        var (status, _) = await SourceAsync("REPLAY-1", new
        {
            segment = "retail",
            customer = new { id = "C-9", tier = "standard" },
            shipTo = new { country = "DE", postalCode = "20095" },
            lines = new[] { new { lineId = "1", sku, quantity = 4, uom = "each" }, new { lineId = "2", sku = other, quantity = 5, uom = "each" } },
        });
        status.Should().Be(HttpStatusCode.OK);

        var services = Service.Services;
        var stored = (await services.GetRequiredService<DecisionLog>().ByOrderAsync("REPLAY-1", CancellationToken.None))!;
        stored.Snapshot.Should().Contain("\"nodesRef\"").And.NotContain("\"nodes\"");
        var snapshot = DecisionJson.Read<DecisionSnapshot>(await services.GetRequiredService<SnapshotParts>().ReadAsync(stored.Snapshot, CancellationToken.None));
        var request = DecisionJson.Read<DecisionRequest>(stored.Request);
        var rules = (await services.GetRequiredService<RuleBooks>().ForAsync(stored.Segment, snapshot.Now, CancellationToken.None))!;

        rules.RuleSet.Id.Should().Be(stored.RuleSetId);
        snapshot.Nodes.Should().NotBeEmpty();
        DecisionJson.Write(Decider.Decide(request, snapshot, rules)).Should().Be(stored.Result);
    }
}
