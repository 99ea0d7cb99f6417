using System.Net;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// Retention on a small ledger that straddles the cutoff (5 days here): as-of answers inside the window and
/// audit totals are the same before and after compaction; the first attempt fails after two committed batches
/// (a test-only setting) and the retried attempt resumes from its checkpoint; late and resent events older than
/// the cutoff are refused with a stable code; a rerun compacts nothing more.
/// </summary>
public sealed class RetentionJobTests(string provider) : LedgerFixture(provider)
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    protected override IReadOnlyDictionary<string, string?>? Settings => JobRuns.ServerOn(
        "Jobs:RetentionDays", "5", "Jobs:RetentionBatchPositions", "1", "Jobs:RetentionFailAfterBatches", "2");

    static DateTimeOffset Ago(double days) => Now.AddDays(-days);

    [Test]
    public async Task Retention_CompactsOldEvents_AsOfAndAuditUnchangedInWindow_ResumesAndRefusesOldEvents()
    {
        var sku = await Items.NewAsync(Integration);
        var other = await Items.NewAsync(Integration);
        var resent = Ev.Make("sale", sku, Dc, 10, Ago(9));
        await Integration.PostEventsAsync(
            Ev.Make("receipt", sku, Dc, 100, Ago(10)), resent,
            Ev.Make("cycle_count", sku, Dc, 85, Ago(8)),
            Ev.Make("shipment", sku, Dc, 5, Ago(7)),
            Ev.Make("status_change", sku, Dc, 3, Ago(6), fromStatus: "sellable", toStatus: "damaged"),
            Ev.Make("asn_created", sku, Dc, 24, Ago(6), reference: "ASN-1", eta: Now.AddDays(1)),
            Ev.Make("transfer_out", sku, Dc, 6, Ago(6.5), toNode: Shop2, reference: "TR-0", eta: Ago(5.5)),
            Ev.Make("receipt", sku, Dc, 10, Ago(4)),
            Ev.Make("transfer_out", sku, Dc, 7, Ago(3), toNode: Shop, reference: "TR-1", eta: Now.AddDays(2)),
            Ev.Make("sale", sku, Dc, 4, Ago(2)),
            Ev.Make("receipt", sku, Shop, 20, Ago(8), source: Pos),
            Ev.Make("sale", sku, Shop, 5, Ago(7), source: Pos),
            Ev.Make("sale", sku, Shop, 2, Ago(6), source: Wms),
            Ev.Make("sale", sku, Shop, 3, Ago(1), source: Pos),
            Ev.Make("receipt", sku, Shop2, 5, Ago(9)),
            Ev.Make("sale", sku, Shop2, 5, Ago(7)),
            Ev.Make("transfer_in", sku, Shop2, 4, Ago(2), reference: "TR-0"),
            Ev.Make("receipt", other, Dc, 8, Ago(2)));
        var positions = new[] { (sku, Dc), (sku, Shop), (sku, Shop2), (other, Dc) };
        var instants = new[] { Ago(4.9), Ago(4), Ago(3.5), Ago(3), Ago(2), Ago(1), Now };
        var before = await AsOfAllAsync(positions, instants);
        var auditBefore = await AuditsAsync(positions);

        var run = await JobRuns.RunAsync(Operator, "retention", timeoutSeconds: 45);

        run.Int("attempts").Should().Be(2, "the first attempt failed after two batches and the retry resumed it");
        run.GetProperty("summary").Long("positions").Should().Be(3, "three positions had events before the cutoff; none was counted twice");
        run.GetProperty("summary").Long("events").Should().Be(12);
        (await AsOfAllAsync(positions, instants)).Should().Equal(before, "as-of answers inside the retained window are exact after compaction");
        (await AuditsAsync(positions)).Should().Equal(auditBefore, "audit totals are exact for all time");
        var audit = await Operator.GetJsonAsync($"/v1/positions/{sku}/{Dc}/audit");
        audit.Long("compactedEvents").Should().Be(7);
        audit.Long("events").Should().Be(10);
        (await Operator.GetJsonAsync($"/v1/positions/{sku}/{Dc}/events")).Long("total").Should().Be(3, "only events inside the window stay");

        var early = await Operator.GetAsync($"/v1/positions/{sku}/{Dc}?asOf={Uri.EscapeDataString(Ago(6).ToString("O"))}");
        early.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement;
        problem.Str("code").Should().Be("as_of_before_retention");
        problem.GetProperty("errors")[0].Str("field").Should().Be("asOf");

        var current = (await Integration.PositionAsync(sku, Dc)).Long("onHand");
        var late = await Integration.PostEventsAsync(resent, Ev.Make("receipt", sku, Dc, 50, Ago(6)));
        late.Int("accepted").Should().Be(0);
        late.GetProperty("rejected").EnumerateArray().Select(r => r.Str("code")).Should().Equal("occurred_before_retention", "occurred_before_retention");
        late.GetProperty("rejected")[0].Str("field").Should().Be("occurredAt");
        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(current, "a resent compacted event must not apply twice");
        var letters = await Operator.GetJsonAsync("/v1/dead-letters");
        letters.GetProperty("items").EnumerateArray().Count(l => l.Str("code") == "occurred_before_retention").Should().Be(2);

        // A count after compaction is judged against the snapshot-based figure, as ingest always judged it.
        var countAt = Now.AddMinutes(-30);
        var expectedSystem = (await Integration.PositionAsync(sku, Shop, countAt.AddSeconds(-1))).Long("onHand");
        await Integration.PostEventsAsync(Ev.Make("cycle_count", sku, Shop, 9, countAt));
        var variance = (await Operator.GetJsonAsync($"/v1/count-variances?sku={sku}&node={Shop}")).GetProperty("items")[0];
        variance.Long("system").Should().Be(expectedSystem);

        var again = await JobRuns.RunAsync(Operator, "retention");
        again.GetProperty("summary").TryGetProperty("positions", out var more).Should().BeFalse($"nothing is left to compact, got {more}");
        (await AsOfAllAsync(positions, instants[..^1])).Should().Equal(before[..^positions.Length], "a rerun changes nothing");
    }

    async Task<List<string>> AsOfAllAsync((string Sku, string Node)[] positions, DateTimeOffset[] instants)
    {
        var answers = new List<string>();
        foreach (var at in instants)
        {
            foreach (var (sku, node) in positions) answers.Add($"{sku}@{node}@{at:O}: {await Integration.PositionAsync(sku, node, at)}");
        }
        return answers;
    }

    async Task<List<string>> AuditsAsync((string Sku, string Node)[] positions)
    {
        var lines = new List<string>();
        foreach (var (sku, node) in positions)
        {
            var audit = await Operator.GetJsonAsync($"/v1/positions/{sku}/{node}/audit");
            lines.Add($"{sku}@{node}: {audit.Long("events")} events, {audit.Long("eaches")} eaches");
            foreach (var l in audit.GetProperty("lines").EnumerateArray())
            {
                lines.Add($"{sku}@{node} {l.Str("type")}/{l.Str("source")}: {l.Long("events")} {l.Long("eaches")} {l.Long("onHandDelta")} "
                    + $"{l.Long("damagedDelta")} {l.Long("quarantinedDelta")} {l.Str("firstAt")} {l.Str("lastAt")}");
            }
        }
        return lines;
    }
}
