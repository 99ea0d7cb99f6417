using CsCheck;
using static InventoryRules.Engine.Tests.TestEvents;

namespace InventoryRules.Engine.Tests;

/// <summary>
/// Order of arrival never changes a position: any permutation, any split into batches, any repeats
/// give the state of one batch in time order, which is the closed form of DESIGN.md.
/// A failure prints CsCheck's seed; pass it as <c>seed:</c> to Sample to replay that case first.
/// </summary>
public class PositionFoldPropertyTests
{
    const int Iterations = 500;
    static readonly string[] Sources = ["WMS", "POS", "ERP"];
    static readonly string[] Statuses = ["sellable", "damaged", "quarantined"];

    /// <summary>One raw event: kind, size, minute (few minutes, so instants collide), source, statuses.</summary>
    public sealed record Spec(int Kind, int Size, int Minute, int Source, int From, int Step);

    public sealed record Scenario(IReadOnlyList<LedgerEvent> Events, IReadOnlyList<IReadOnlyList<LedgerEvent>> Batches)
    {
        public override string ToString() =>
            string.Join(" | ", Batches.Select(b => string.Join(", ", b.Select(Describe))));
    }

    static readonly Gen<Spec> Specs = Gen.Select(
        Gen.Int[0, 5], Gen.Int[0, 40], Gen.Int[0, 30], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 2],
        (kind, size, minute, source, from, step) => new Spec(kind, size, minute, source, from, step));

    static readonly Gen<Scenario> Scenarios =
        from node in Gen.OneOfConst(TestData.Dc, TestData.Store)
        from specs in Specs.Array[1, 30]
        from repeats in Gen.Int[0, specs.Length - 1].Array[0, 8]
        from sortKeys in Gen.Int.Array[specs.Length + repeats.Length]
        from cuts in Gen.Int[0, 3].Array[specs.Length + repeats.Length]
        select Build(node, specs, repeats, sortKeys, cuts);

    [Test]
    public void Ingest_AnyOrderBatchesAndRepeats_SameStateAsOneBatchInTimeOrder() =>
        Scenarios.Sample(s =>
        {
            var batched = new TestLedger(node: s.Events[0].Node.Value);
            foreach (var batch in s.Batches) batched.Ingest(batch);
            var reference = new TestLedger(node: s.Events[0].Node.Value);
            reference.Ingest(s.Events.OrderBy(e => e.OccurredAt));

            batched.State.Should().BeEquivalentTo(reference.State, o => o
                .Including(p => p.OnHand).Including(p => p.Damaged).Including(p => p.Quarantined)
                .Including(p => p.Anchor).Including(p => p.LastEventAt));
            batched.Stored.Should().HaveCount(s.Events.Count);
        }, iter: Iterations, print: s => s.ToString());

    [Test]
    public void Ingest_AnyOrderBatchesAndRepeats_OnHandIsLatestCountPlusLaterDeltas() =>
        Scenarios.Sample(s =>
        {
            var ledger = new TestLedger(node: s.Events[0].Node.Value);
            foreach (var batch in s.Batches) ledger.Ingest(batch);

            var applying = s.Events.Where(e => e.Authoritative).ToList();
            var latest = applying.Where(e => e.IsCount).OrderBy(e => e.OccurredAt).ThenBy(e => e.Key).LastOrDefault();
            var onHand = latest is null
                ? applying.Sum(e => e.Effect.OnHand)
                : latest.CountedOnHand!.Value + applying.Where(e => e.OccurredAt > latest.OccurredAt).Sum(e => e.Effect.OnHand);

            ledger.State.Should().BeEquivalentTo(new
            {
                OnHand = onHand,
                Damaged = applying.Sum(e => e.Effect.Damaged),
                Quarantined = applying.Sum(e => e.Effect.Quarantined),
                Anchor = latest?.AsAnchor(),
            });
        }, iter: Iterations, print: s => s.ToString());

    static Scenario Build(string node, Spec[] specs, int[] repeats, int[] sortKeys, int[] cuts)
    {
        var events = specs.Select((spec, i) => Event(node, spec, $"e{i:00}")).ToList();
        var arriving = events.Concat(repeats.Select(i => events[i]))
            .Select((e, i) => (Event: e, Key: sortKeys[i]))
            .OrderBy(x => x.Key)
            .Select(x => x.Event)
            .ToList();
        var batches = new List<IReadOnlyList<LedgerEvent>>();
        var current = new List<LedgerEvent>();
        for (var i = 0; i < arriving.Count; i++)
        {
            current.Add(arriving[i]);
            if (cuts[i] == 0 || i == arriving.Count - 1)
            {
                batches.Add(current);
                current = [];
            }
        }
        return new Scenario(events, batches);
    }

    static LedgerEvent Event(string node, Spec s, string id)
    {
        var input = Input("receipt", s.Size, node: node, source: Sources[s.Source], id: id, at: At(s.Minute));
        return Accept(s.Kind switch
        {
            0 => input,
            1 => input with { Type = "sale" },
            2 => input with { Type = "adjustment", Quantity = s.Size - 20 },
            3 => input with { Type = "status_change", FromStatus = Statuses[s.From], ToStatus = Statuses[(s.From + s.Step) % 3] },
            4 => input with { Type = "cycle_count", Quantity = s.Size * 5 },
            _ => input with { Type = "return", ToStatus = Statuses[s.From] },
        });
    }

    static string Describe(LedgerEvent e) =>
        $"{e.Key}@{(e.OccurredAt - T0).TotalMinutes}:{e.Type.Name()} {(e.IsCount ? $"={e.CountedOnHand}" : e.Effect.ToString())}{(e.Authoritative ? "" : " (non-auth)")}";
}
