using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// Idempotency and order independence under real concurrency (DESIGN.md, "Semantics that must hold"):
/// many feeds post overlapping batches at once, in random order, and the ledger must end exactly where
/// the closed form over the distinct events puts it.
/// </summary>
public sealed class ConcurrencyTests(string provider) : LedgerFixture(provider)
{
    const int Clients = 16;
    const int DistinctEvents = 2_000;
    const string Scanner = "STORE-SCANNER";
    const string Erp = "ERP";
    static readonly string[] Nodes = [Dc, Shop, Shop2];

    [Test]
    public async Task PostEvents_OverlappingBatchesFromParallelClients_EveryEventCountedOnce()
    {
        var random = new Random(20261120);
        string[] skus = [await Items.NewAsync(Integration), await Items.NewAsync(Integration), await Items.NewAsync(Integration)];
        var pool = Pool(random, skus);
        var batches = Batches(random, pool);
        var clients = Enumerable.Range(0, Clients).Select(_ => Service.ClientFor("integration")).ToArray();
        try
        {
            var work = new List<List<Move>>[Clients];
            for (var c = 0; c < Clients; c++) work[c] = [];
            for (var b = 0; b < batches.Count; b++) work[b % Clients].Add(batches[b]);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            var running = clients.Select((client, c) => Task.Run(async () =>
            {
                await go.Task;
                var answers = new List<Answer>();
                foreach (var batch in work[c]) answers.Add(await PostAsync(client, batch));
                return answers;
            })).ToArray();
            go.SetResult();
            var answers = (await Task.WhenAll(running)).SelectMany(a => a).ToList();

            answers.Should().HaveCount(batches.Count);
            answers.Where(a => a.Accepted + a.Duplicates + a.Rejected != a.Size).Should()
                .BeEmpty("every event of a batch is accepted, a duplicate or rejected, exactly once");
            answers.Where(a => a.Rejected != 0).Should().BeEmpty("every event of the pool is valid");
            answers.Sum(a => a.Accepted).Should().Be(pool.Count, "each distinct event is accepted by exactly one of its 3 to 5 deliveries");
            answers.Sum(a => a.Duplicates).Should().Be(batches.Sum(b => b.Count) - pool.Count);

            var wrong = new List<string>();
            foreach (var sku in skus)
            {
                foreach (var node in Nodes) wrong.AddRange(await CompareAsync(pool, sku, node));
            }
            wrong.Should().BeEmpty("every position must equal the closed form over the distinct events");
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>
    /// The closed form, computed here without the engine: on_hand is the latest applying count (by
    /// occurredAt, ties to the larger (source, eventId) ordinal) plus the sellable deltas after it, or
    /// the sum of all of them without a count; damaged and quarantined are plain sums; in-transit is
    /// what each transfer shipped less what arrived.
    /// </summary>
    async Task<List<string>> CompareAsync(List<Move> pool, string sku, string node)
    {
        var here = pool.Where(m => m.Sku == sku && m.Node == node).ToList();
        var applied = here.Where(m => m.Applies).ToList();
        var anchor = applied.Where(m => m.Count is not null).OrderByDescending(m => m.At)
            .ThenByDescending(m => m.Source, StringComparer.Ordinal).ThenByDescending(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
        var onHand = anchor is null ? applied.Sum(m => m.Sellable) : anchor.Count!.Value + applied.Where(m => m.At > anchor.At).Sum(m => m.Sellable);
        var inTransit = pool.Where(m => m.Applies && m.Sku == sku && m.SupplyNode == node)
            .GroupBy(m => m.Reference!)
            .Select(g => (Reference: g.Key, Quantity: g.Sum(m => m.Shipped - m.Arrived), Eta: g.Select(m => m.Eta).Max()))
            .Where(line => line.Quantity > 0)
            .OrderBy(line => line.Reference, StringComparer.Ordinal)
            .Select(line => $"{line.Reference}={line.Quantity}@{line.Eta:O}")
            .ToList();

        var position = await Integration.PositionAsync(sku, node);
        var history = await Integration.GetJsonAsync($"/v1/positions/{sku}/{node}/events?pageSize=1");
        var actualTransit = position.GetProperty("inTransit").EnumerateArray()
            .OrderBy(line => line.Str("reference"), StringComparer.Ordinal)
            .Select(line => $"{line.Str("reference")}={line.Long("quantity")}@{line.GetProperty("eta").GetDateTimeOffset():O}")
            .ToList();

        var wrong = new List<string>();
        void Check(string what, object expected, object actual)
        {
            if (!Equals(expected, actual)) wrong.Add($"{sku}@{node} {what}: expected {expected}, got {actual}");
        }
        Check("onHand", onHand, position.Long("onHand"));
        Check("damaged", applied.Sum(m => m.Damaged), position.Long("damaged"));
        Check("quarantined", applied.Sum(m => m.Quarantined), position.Long("quarantined"));
        Check("inTransit", string.Join(", ", inTransit), string.Join(", ", actualTransit));
        Check("events in history", (long)here.Count, history.Long("total"));
        return wrong;
    }

    static async Task<Answer> PostAsync(HttpClient client, List<Move> batch)
    {
        using var response = await client.PostAsJsonAsync("/v1/events", new { events = batch.Select(m => m.Wire).ToArray() });
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"ingest answered {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        return new Answer(batch.Count, body.Int("accepted"), body.Int("duplicates"), body.GetProperty("rejected").GetArrayLength());
    }

    /// <summary>
    /// Every distinct event goes out 3 to 5 times. Delivery r carries the events sent at least r + 1
    /// times, shuffled and cut into batches of 50 to 300, so no batch repeats an event inside itself;
    /// all deliveries' batches are then shuffled together, so copies race each other.
    /// </summary>
    static List<List<Move>> Batches(Random random, List<Move> pool)
    {
        var copies = pool.Select(_ => random.Next(3, 6)).ToArray();
        var batches = new List<List<Move>>();
        for (var round = 0; round < 5; round++)
        {
            var members = pool.Where((_, i) => copies[i] > round).ToArray();
            random.Shuffle(members);
            var start = 0;
            while (start < members.Length)
            {
                var size = random.Next(50, 301);
                // A tail too short for a batch of its own joins this one.
                if (members.Length - start - size < 50) size = members.Length - start;
                batches.Add([.. members.Skip(start).Take(size)]);
                start += size;
            }
        }
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }

    /// <summary>
    /// About 2,000 distinct events over the given items at a DC (whose WMS is authoritative for
    /// counts) and two stores (the first one's POS authoritative for sales): receipts (some in
    /// cases), sales, shipments, returns and adjustments into several buckets, status changes,
    /// cycle counts (some tied at one instant, some from a source that does not count) and transfers
    /// between the nodes, partly received. Instants fall on whole minutes, so counts and deltas share
    /// instants too.
    /// </summary>
    static List<Move> Pool(Random random, string[] skus)
    {
        var pool = new List<Move>(DistinctEvents + 4);
        var n = 0;
        string NextId(string sku) => $"{sku}-{n++:D5}";
        DateTimeOffset Minute() => T0.AddMinutes(random.Next(0, 72 * 60));
        string FeedOf(string node) => node == Dc ? Wms : Scanner;

        while (pool.Count < DistinctEvents)
        {
            var sku = skus[random.Next(skus.Length)];
            var node = Nodes[random.Next(Nodes.Length)];
            var at = Minute();
            var roll = random.Next(100);
            if (roll < 28)
            {
                var cases = random.Next(4) == 0;
                var quantity = cases ? random.Next(1, 4) : random.Next(1, 21);
                pool.Add(Move.Of(Ev.Make("receipt", sku, node, quantity, at, uom: cases ? "case" : null, source: FeedOf(node), id: NextId(sku)),
                    applies: true, sellable: cases ? 12 * quantity : quantity));
            }
            else if (roll < 46)
            {
                var quantity = random.Next(1, 6);
                var source = node == Shop ? (random.Next(10) == 0 ? Erp : Pos) : FeedOf(node);
                pool.Add(Move.Of(Ev.Make("sale", sku, node, quantity, at, source: source, id: NextId(sku)),
                    applies: node != Shop || source == Pos, sellable: -quantity));
            }
            else if (roll < 53)
            {
                var quantity = random.Next(1, 11);
                pool.Add(Move.Of(Ev.Make("shipment", sku, node, quantity, at, source: FeedOf(node), id: NextId(sku)), applies: true, sellable: -quantity));
            }
            else if (roll < 58)
            {
                var quantity = random.Next(1, 4);
                var damaged = random.Next(3) == 0;
                pool.Add(Move.Of(Ev.Make("return", sku, node, quantity, at, source: FeedOf(node), id: NextId(sku), toStatus: damaged ? "damaged" : null),
                    applies: true, sellable: damaged ? 0 : quantity, damaged: damaged ? quantity : 0));
            }
            else if (roll < 67)
            {
                var quantity = random.Next(1, 7) * (random.Next(2) == 0 ? -1 : 1);
                var quarantined = random.Next(4) == 0;
                pool.Add(Move.Of(Ev.Make("adjustment", sku, node, quantity, at, source: FeedOf(node), id: NextId(sku),
                        toStatus: quarantined ? "quarantined" : null),
                    applies: true, sellable: quarantined ? 0 : quantity, quarantined: quarantined ? quantity : 0));
            }
            else if (roll < 77)
            {
                string[][] moves = [["sellable", "damaged"], ["sellable", "quarantined"], ["quarantined", "sellable"], ["damaged", "quarantined"]];
                var move = moves[random.Next(moves.Length)];
                var quantity = random.Next(1, 4);
                long Delta(string status) => (move[1] == status ? quantity : 0) - (move[0] == status ? quantity : 0);
                pool.Add(Move.Of(Ev.Make("status_change", sku, node, quantity, at, source: FeedOf(node), id: NextId(sku), fromStatus: move[0], toStatus: move[1]),
                    applies: true, sellable: Delta("sellable"), damaged: Delta("damaged"), quarantined: Delta("quarantined")));
            }
            else if (roll < 82)
            {
                // A count now and then has a twin at the same instant from another feed or with another id.
                var twins = random.Next(3) == 0 ? 2 : 1;
                for (var t = 0; t < twins; t++)
                {
                    var source = node == Dc ? (random.Next(5) == 0 ? Erp : Wms) : (random.Next(2) == 0 ? Scanner : Wms);
                    var counted = random.Next(0, 201);
                    pool.Add(Move.Of(Ev.Make("cycle_count", sku, node, counted, at, source: source, id: NextId(sku)),
                        applies: node != Dc || source == Wms, count: counted));
                }
            }
            else
            {
                var to = Nodes.Where(x => x != node).ElementAt(random.Next(Nodes.Length - 1));
                var reference = $"TR-{NextId(sku)}";
                var eta = at.AddDays(1);
                var shipped = random.Next(1, 11);
                pool.Add(Move.Of(Ev.Make("transfer_out", sku, node, shipped, at, source: FeedOf(node), id: NextId(sku), toNode: to, reference: reference, eta: eta),
                    applies: true, sellable: -shipped) with { SupplyNode = to, Reference = reference, Shipped = shipped, Eta = eta });
                if (random.Next(10) < 7)
                {
                    var arrived = random.Next(1, shipped + 1);
                    pool.Add(Move.Of(Ev.Make("transfer_in", sku, to, arrived, at.AddMinutes(random.Next(1, 600)), source: FeedOf(to), id: NextId(sku), reference: reference),
                        applies: true, sellable: arrived) with { SupplyNode = to, Reference = reference, Arrived = arrived });
                }
            }
        }
        return pool;
    }

    sealed record Answer(int Size, int Accepted, int Duplicates, int Rejected);

    /// <summary>One distinct event: what is posted, and what it must do to its position where it applies.</summary>
    sealed record Move(Dictionary<string, object?> Wire, string Sku, string Node, string Source, string Id, DateTimeOffset At, bool Applies,
        long Sellable, long Damaged, long Quarantined, long? Count)
    {
        public string? SupplyNode { get; init; }
        public string? Reference { get; init; }
        public long Shipped { get; init; }
        public long Arrived { get; init; }
        public DateTimeOffset? Eta { get; init; }

        public static Move Of(Dictionary<string, object?> wire, bool applies, long sellable = 0, long damaged = 0, long quarantined = 0, long? count = null) =>
            new(wire, (string)wire["sku"]!, (string)wire["node"]!, (string)wire["source"]!, (string)wire["eventId"]!,
                DateTimeOffset.Parse((string)wire["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture), applies,
                sellable, damaged, quarantined, count);
    }
}
