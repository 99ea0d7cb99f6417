using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The anomaly scan on a small ledger: what stored state shows now becomes one open anomaly per kind and
/// position; a rescan adds nothing; a resolved one that still holds comes back once.
/// </summary>
public sealed class AnomalyScanJobTests(string provider) : DecisionFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => JobRuns.ServerOn();

    [Test]
    public async Task AnomalyScan_SmallLedger_FindsEachKindOnce_RescanAddsNothing()
    {
        var now = DateTimeOffset.UtcNow;
        // Negative: ingest flags it (and quarantines); the operator resolves it while it is still negative.
        var negative = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", negative, Shop2, 5, now.AddHours(-2)), Ev.Make("sale", negative, Shop2, 8, now.AddHours(-1)));
        var flagged = await OpenAsync("negative_on_hand", negative, Shop2);
        flagged.Should().ContainSingle();
        (await Operator.PostAsJsonAsync($"/v1/anomalies/{flagged[0].Long("id")}/resolve", new { note = "recount asked" })).Should().BeSuccessful();

        // Over-committed: 5 reserved, then a count finds 2 (a variance within tolerance, so ingest says nothing).
        var reserved = await StockedItemAsync(5);
        var (_, answer) = await SourceAsync($"ORD-{Guid.NewGuid():N}", Order(reserved, 5));
        Allocated(answer).Should().Be(5);
        await Integration.PostEventsAsync(Ev.Make("cycle_count", reserved, Dc, 2, DateTimeOffset.UtcNow));

        // Spike: 20 sales of 2 and one of 90 in one batch, so ingest had no history to judge the large one by.
        var spiky = await Items.NewAsync(Integration);
        var sales = Enumerable.Range(0, 20).Select(i => Ev.Make("sale", spiky, Dc, 2, now.AddMinutes(-50 + i))).ToList();
        sales.Add(Ev.Make("sale", spiky, Dc, 90, now.AddMinutes(-20)));
        await Integration.PostEventsAsync([Ev.Make("receipt", spiky, Dc, 500, now.AddHours(-1)), .. sales]);

        // A count variance over tolerance recorded without its anomaly (as by a version before the scan).
        var miscounted = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", miscounted, Dc, 100, now.AddHours(-1)), Ev.Make("cycle_count", miscounted, Dc, 60, now.AddMinutes(-10)));
        await StoreSql.ExecuteAsync(Service.Store, $"DELETE FROM anomalies WHERE sku = '{miscounted}'");

        // Stale: a segment that tolerates 1 s makes every node with stock stale once its feed is older.
        (await Integration.PutAsJsonAsync("/v1/segments", new[] { new { code = "flash", name = "Flash", freshnessToleranceSeconds = 1, serviceLevel = 0.9 } }))
            .Should().BeSuccessful();
        await Task.Delay(1500);

        var run = await JobRuns.RunAsync(Operator, "anomaly-scan");

        var summary = run.GetProperty("summary");
        (await OpenAsync("negative_on_hand", negative, Shop2)).Should().ContainSingle("the position is still negative after the resolution");
        (await OpenAsync("committed_over_on_hand", reserved, Dc)).Should().ContainSingle().Which.Long("observed").Should().Be(5);
        var spike = (await OpenAsync("movement_spike", spiky, Dc)).Should().ContainSingle().Subject;
        spike.Long("observed").Should().Be(90);
        spike.Long("expected").Should().Be(2);
        (await OpenAsync("count_variance", miscounted, Dc)).Should().ContainSingle().Which.Long("expected").Should().Be(100);
        var stale = (await OpenAsync("stale_position", spiky, Dc)).Should().ContainSingle().Subject;
        stale.Str("detail").Should().Contain("flash");
        stale.GetProperty("quarantined").GetBoolean().Should().BeFalse("scans report; they do not take stock out of promises");
        summary.Long("stale_position").Should().Be(3, "three positions have stock, all at the DC; the negative one has none");
        run.GetProperty("report").EnumerateArray().Select(l => l.GetString()).Should().Contain(l => l!.StartsWith("movement spike: ", StringComparison.Ordinal));

        var rescan = await JobRuns.RunAsync(Operator, "anomaly-scan");

        var again = rescan.GetProperty("summary");
        foreach (var kind in new[] { "negative_on_hand", "committed_over_on_hand", "movement_spike", "stale_position", "count_variance" })
        {
            again.Long(kind).Should().Be(0, $"{kind}: one open anomaly per kind and position, and it is still open");
        }
        again.Long("already_open").Should().Be(5, "the negative, over-committed and 3 stale positions are still open; the spike and the variance are flagged events, not looked at again");
        (await OpenAsync("negative_on_hand", negative, Shop2)).Should().ContainSingle();
        (await OpenAsync("movement_spike", spiky, Dc)).Should().ContainSingle();
    }

    async Task<List<JsonElement>> OpenAsync(string kind, string sku, string node) =>
        [.. (await Operator.GetJsonAsync($"/v1/anomalies?status=open&kind={kind}&sku={sku}&node={node}")).GetProperty("items").EnumerateArray()];
}
