using InventoryRules.Api.Decisions;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Supply;

/// <summary>
/// Judges accepted orders again as the engine would now: each order's logged request (ship-to, customer,
/// lines), a fresh snapshot of its skus per segment and the rule book given, through
/// <see cref="OrderReview"/>. The supply jobs read priorities, eligibility, floors and cross_dock rules here.
/// </summary>
public sealed class OrderReviews(DecisionLog decisions, RuleBooks ruleBooks, SnapshotLoader snapshots, MasterDataCache masterData)
{
    /// <summary>An order's logged request, its verdict, and the snapshot it was judged on.</summary>
    public sealed record Reviewed(string DecisionId, DecisionRequest Request, OrderVerdict Verdict, DecisionSnapshot Snapshot);

    /// <param name="ruleBookFor">The rules to judge a segment's orders under; null: the version in force at <paramref name="now"/>.</param>
    /// <param name="adjust">Changes the snapshot for one order before it is judged (e.g. gives back the order's own units).</param>
    /// <returns>By order id; an order whose decision, segment or rules are missing is left out.</returns>
    public async Task<IReadOnlyDictionary<string, Reviewed>> ReviewAsync(IReadOnlyCollection<string> orderIds, DateTimeOffset now,
        Func<string, Task<RuleBook?>>? ruleBookFor, Func<DecisionRequest, DecisionSnapshot, DecisionSnapshot>? adjust, CancellationToken ct)
    {
        var master = await masterData.GetAsync(ct);
        var result = new Dictionary<string, Reviewed>(StringComparer.Ordinal);
        foreach (var chunk in orderIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var stored = await decisions.ByOrdersAsync(chunk, ct);
            foreach (var segmentOrders in stored.GroupBy(d => d.Segment, StringComparer.Ordinal))
            {
                if (!master.Segments.TryGetValue(segmentOrders.Key, out var segment)) continue;
                var rules = ruleBookFor is null ? await ruleBooks.ForAsync(segment.Code, now, ct) : await ruleBookFor(segment.Code);
                if (rules is null) continue;
                var requests = segmentOrders.Select(d => (d.Id, Request: DecisionJson.Read<DecisionRequest>(d.Request))).ToList();
                var skus = Decider.SkusToRead(requests.SelectMany(r => r.Request.Lines.Select(l => l.Sku)), rules);
                var snapshot = await snapshots.LoadAsync(segment, skus, now, ct);
                foreach (var (id, request) in requests)
                {
                    var judged = adjust is null ? snapshot : adjust(request, snapshot);
                    result[request.OrderId] = new Reviewed(id, request, OrderReview.Review(request, judged, rules), judged);
                }
            }
        }
        return result;
    }
}
