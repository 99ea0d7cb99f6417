using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The accuracy rollup on a small ledger: record accuracy per node and network from count variances, and
/// stockout episodes from the event history, kept in step with new and late events; reruns change nothing.
/// </summary>
public sealed class AccuracyRollupJobTests(string provider) : DecisionFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => JobRuns.ServerOn();

    [Test]
    public async Task AccuracyRollup_CountsAndStockouts_RollsUpAndTracksEpisodes_RerunIdempotent()
    {
        var now = DateTimeOffset.UtcNow;
        var (good, bad, shelf) = (await Items.NewAsync(Integration), await Items.NewAsync(Integration), await Items.NewAsync(Integration));
        await Integration.PostEventsAsync(
            Ev.Make("receipt", good, Dc, 100, now.AddHours(-3)), Ev.Make("cycle_count", good, Dc, 98, now.AddHours(-2)),
            Ev.Make("receipt", bad, Dc, 50, now.AddHours(-3)), Ev.Make("cycle_count", bad, Dc, 30, now.AddHours(-2)),
            Ev.Make("receipt", good, Shop, 10, now.AddHours(-3)), Ev.Make("cycle_count", good, Shop, 10, now.AddHours(-2)),
            Ev.Make("receipt", shelf, Shop2, 5, now.AddHours(-5)), Ev.Make("sale", shelf, Shop2, 5, now.AddHours(-4)),
            Ev.Make("receipt", shelf, Shop2, 3, now.AddHours(-3)), Ev.Make("sale", shelf, Shop2, 3, now.AddHours(-2)));
        // A count from before the 30-day window: the first rollup covers the whole history, so it is there when asked for.
        var old = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", old, Shop, 20, now.AddDays(-41)), Ev.Make("cycle_count", old, Shop, 12, now.AddDays(-40)));

        var run = await JobRuns.RunAsync(Operator, "accuracy-rollup");

        var accuracy = await Operator.GetJsonAsync("/v1/accuracy");
        var network = accuracy.GetProperty("network");
        (network.Long("counts"), network.Long("withinTolerance"), network.Long("countedUnits"), network.Long("absoluteVariance"))
            .Should().Be((3, 2, 138, 22));
        network.GetProperty("unitAccuracy").GetDouble().Should().BeApproximately(1 - 22.0 / 138, 0.0001);
        accuracy.Str("basis").Should().Contain("network-wide").And.Contain("per segment");
        var dc = (await Operator.GetJsonAsync($"/v1/accuracy?node={Dc}")).GetProperty("nodes").EnumerateArray().Should().ContainSingle().Subject;
        (dc.Long("counts"), dc.Long("withinTolerance")).Should().Be((2, 1));
        dc.GetProperty("countAccuracy").GetDouble().Should().Be(0.5);
        var since = Uri.EscapeDataString(now.AddDays(-42).ToString("O"));
        var shop = (await Operator.GetJsonAsync($"/v1/accuracy?node={Shop}&from={since}")).GetProperty("nodes").EnumerateArray().Should().ContainSingle().Subject;
        (shop.Long("counts"), shop.Long("withinTolerance")).Should().Be((2, 1), "the 40-day-old count is rolled up too");
        await ExpectEpisodesAsync(shelf, (now.AddHours(-4), now.AddHours(-3)), (now.AddHours(-2), null));
        run.GetProperty("summary").Long("episodes_open").Should().Be(1);

        // A segment's accuracy is that of the nodes that served its orders: here the retail order's.
        var (_, order) = await SourceAsync(NewOrderId(), Order(good, 2));
        var servedBy = order.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray().Select(a => a.Str("node")).ToHashSet();
        servedBy.Should().NotBeEmpty(order.ToString());
        var withSegments = await Operator.GetJsonAsync("/v1/accuracy");
        var retail = withSegments.GetProperty("segments").EnumerateArray().Single(g => g.Str("segment") == "retail");
        retail.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()).Should().BeEquivalentTo(servedBy);
        var expectedCounts = withSegments.GetProperty("nodes").EnumerateArray().Where(n => servedBy.Contains(n.Str("node"))).Sum(n => n.Long("counts"));
        retail.GetProperty("figures").Long("counts").Should().Be(expectedCounts);
        (await Operator.GetJsonAsync($"/v1/stockouts?sku={shelf}&open=true")).Long("total").Should().Be(1);

        var rerun = await JobRuns.RunAsync(Operator, "accuracy-rollup");

        rerun.GetProperty("summary").Long("accuracy_days_changed").Should().Be(0);
        rerun.GetProperty("summary").TryGetProperty("episodes_open", out _).Should().BeFalse("nothing new arrived");
        await ExpectEpisodesAsync(shelf, (now.AddHours(-4), now.AddHours(-3)), (now.AddHours(-2), null));

        await Integration.PostEventsAsync(Ev.Make("receipt", shelf, Shop2, 4, now.AddHours(-1)));
        await JobRuns.RunAsync(Operator, "accuracy-rollup");
        await ExpectEpisodesAsync(shelf, (now.AddHours(-4), now.AddHours(-3)), (now.AddHours(-2), now.AddHours(-1)));

        // A late receipt before the first sale rewrites history: stock never reached zero.
        await Integration.PostEventsAsync(Ev.Make("receipt", shelf, Shop2, 2, now.AddHours(-4.5)));
        var late = await JobRuns.RunAsync(Operator, "accuracy-rollup");
        late.GetProperty("summary").Long("episodes_removed").Should().Be(2);
        await ExpectEpisodesAsync(shelf);
    }

    async Task ExpectEpisodesAsync(string sku, params (DateTimeOffset Start, DateTimeOffset? End)[] expected)
    {
        var listed = (await Operator.GetJsonAsync($"/v1/stockouts?sku={sku}&node={Shop2}")).GetProperty("items").EnumerateArray()
            .Select(e => (DateTimeOffset.Parse(e.Str("startedAt")), e.GetProperty("endedAt").ValueKind == System.Text.Json.JsonValueKind.Null
                ? (DateTimeOffset?)null : DateTimeOffset.Parse(e.Str("endedAt"))))
            .OrderBy(e => e.Item1).ToList();
        listed.Select(e => (Round(e.Item1), e.Item2 is { } end ? Round(end) : (DateTimeOffset?)null))
            .Should().Equal(expected.Select(e => (Round(e.Start), e.End is { } end ? Round(end) : (DateTimeOffset?)null)));
    }

    static DateTimeOffset Round(DateTimeOffset t) => new(t.Ticks / 10 * 10, TimeSpan.Zero);
}
