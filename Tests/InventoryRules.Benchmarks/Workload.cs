using System.Text.Json;
using InventoryRules.Api.Data;
using InventoryRules.Api.Json;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine;

namespace InventoryRules.Benchmarks;

/// <summary>
/// The benchmark network and its event stream, deterministic for a seed. 1,000 items (each, case of 12)
/// at 4 DCs and 16 stores: 20,000 positions. Every position starts from an opening cycle count (the
/// ledger of a service that has been running), then the stream is a retail mix: mostly sales at stores,
/// receipts and shipments at DCs, about 3% cycle counts, transfers DC to store (out, then in, by
/// reference), ASNs created, received against and cancelled by reference. Quantities follow a simulated
/// stock so that sales never drive a position negative and counts land within tolerance: the stream
/// measures the normal path, not the anomaly path.
/// </summary>
sealed class Workload
{
    public const int ItemCount = 1_000;
    public const int DcCount = 4;
    public const int StoreCount = 16;
    public const int CasePack = 12;
    public const int PositionCount = ItemCount * (DcCount + StoreCount);

    public const string Wms = "WMS";
    public const string Pos = "POS";
    public const string Sim = "SIM";
    public const string Erp = "ERP";

    static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    readonly string[] skus;
    readonly string[] dcs;
    readonly string[] stores;

    public Workload()
    {
        skus = [.. Enumerable.Range(1, ItemCount).Select(i => $"SKU-{i:D6}")];
        dcs = [.. Enumerable.Range(1, DcCount).Select(i => $"DC-{i:D2}")];
        stores = [.. Enumerable.Range(1, StoreCount).Select(i => $"ST-{i:D2}")];
    }

    public IReadOnlyList<string> Skus => skus;

    public IReadOnlyList<string> Dcs => dcs;

    public IReadOnlyList<string> Stores => stores;

    public IReadOnlyList<ItemDto> Items() =>
        [.. skus.Select((sku, i) => new ItemDto
        {
            Sku = sku,
            Description = $"Benchmark item {i + 1}",
            Category = (i % 5) switch { 0 => "dairy", 1 => "grocery", 2 => "household", 3 => "beverages", _ => "snacks" },
            VelocityClass = (i % 10) switch { 0 => "A", < 4 => "B", _ => "C" },
            Units = new Dictionary<string, int> { [Item.Each] = 1, ["case"] = CasePack },
            UnitCost = 1.5m + i % 17,
            UnitPrice = 2.9m + i % 23,
        })];

    public IReadOnlyList<NodeDto> Nodes() =>
        [
            .. dcs.Select(code => new NodeDto
            {
                Code = code, Name = $"Distribution centre {code}", Type = "dc", Country = "DE", DutyPaid = true,
                Capabilities = ["cross_dock"], DailyOrderCapacity = 5_000, CostPerOrder = 3.5m, CostPerUnit = 0.4m,
                AuthoritativeSources = new Dictionary<string, string>
                {
                    ["cycle_count"] = Wms, ["receipt"] = Wms, ["shipment"] = Wms,
                },
            }),
            .. stores.Select(code => new NodeDto
            {
                Code = code, Name = $"Store {code}", Type = "store", Country = "DE", DutyPaid = true,
                Capabilities = ["ship_from_store"], DailyOrderCapacity = 200, CostPerOrder = 5m, CostPerUnit = 0.8m,
                AuthoritativeSources = new Dictionary<string, string> { ["sale"] = Pos, ["cycle_count"] = Sim },
            }),
        ];

    public async Task LoadMasterDataAsync(Database db, CancellationToken ct)
    {
        var repository = new MasterDataRepository(db, TimeProvider.System);
        await repository.UpsertSegmentsAsync([new SegmentDto { Code = "retail", Name = "Retail", FreshnessToleranceSeconds = 900, ServiceLevel = 0.95 }], ct);
        await repository.UpsertItemsAsync(Items(), ct);
        await repository.UpsertNodesAsync(Nodes(), ct);
    }

    /// <summary>{"events":[...]} as a feed posts it.</summary>
    public static byte[] Serialize(IReadOnlyList<EventInput> batch) =>
        JsonSerializer.SerializeToUtf8Bytes(new { events = batch }, Json);

    public static List<T[]> Chunk<T>(IReadOnlyList<T> all, int size)
    {
        var chunks = new List<T[]>((all.Count + size - 1) / size);
        for (var i = 0; i < all.Count; i += size)
        {
            var chunk = new T[Math.Min(size, all.Count - i)];
            for (var j = 0; j < chunk.Length; j++) chunk[j] = all[i + j];
            chunks.Add(chunk);
        }
        return chunks;
    }

    /// <summary>
    /// A generator whose clock ends <paramref name="capacity"/> steps of 2 s after it starts, and not after
    /// now: the service refuses events from the future.
    /// </summary>
    public Generator NewGenerator(int capacity, int seed = 20_261_120) =>
        new(this, seed, DateTimeOffset.UtcNow.AddSeconds(-2.0 * capacity).AddHours(-2));

    public sealed class Generator
    {
        readonly Workload w;
        readonly Random rng;
        readonly long[] stock;
        readonly Queue<(int Item, int Dc, string Reference, int Cases)> asns = new();
        readonly Queue<(int Item, int Store, string Reference, int Cases)> transfers = new();
        readonly DateTimeOffset start;
        long sequence;
        long streamed;

        public Generator(Workload workload, int seed, DateTimeOffset start)
        {
            w = workload;
            rng = new Random(seed);
            this.start = start;
            stock = new long[PositionCount];
        }

        public long Generated => sequence;

        int NodeCount => DcCount + StoreCount;

        static int Position(int item, int node) => item * (DcCount + StoreCount) + node;

        string NodeCode(int node) => node < DcCount ? w.dcs[node] : w.stores[node - DcCount];

        /// <summary>One opening count per position, an hour before the stream starts.</summary>
        public List<EventInput> Opening()
        {
            var at = start.AddHours(-1);
            var result = new List<EventInput>(PositionCount);
            for (var item = 0; item < ItemCount; item++)
            {
                for (var node = 0; node < NodeCount; node++)
                {
                    var dc = node < DcCount;
                    var qty = dc ? rng.Next(600, 2_400) : rng.Next(24, 96);
                    stock[Position(item, node)] = qty;
                    result.Add(Event(dc ? Wms : Sim, "cycle_count", item, node, qty, Item.Each, at));
                }
            }
            return result;
        }

        public List<EventInput> Next(int count)
        {
            var list = new List<EventInput>(count);
            for (var i = 0; i < count; i++) list.Add(Next());
            return list;
        }

        public EventInput Next()
        {
            var at = start.AddSeconds(2.0 * streamed++);
            var roll = rng.Next(1_000);
            var item = rng.Next(ItemCount);
            var store = DcCount + rng.Next(StoreCount);
            var dc = rng.Next(DcCount);
            return roll switch
            {
                < 450 => Sale(item, store, at),
                < 480 => Move(Pos, "return", item, store, 1, at),
                < 630 => Shipment(item, dc, at),
                < 750 => Receipt(item, dc, at),
                < 770 => Adjustment(item, rng.Next(2) == 0 ? dc : store, at),
                < 800 => Count(item, rng.Next(2) == 0 ? dc : store, at),
                < 810 => Damage(item, rng.Next(2) == 0 ? dc : store, at),
                < 870 => TransferOut(item, dc, store, at),
                < 920 => TransferIn(at) ?? Sale(item, store, at),
                < 990 => AsnCreated(item, dc, at),
                _ => AsnCancelled(at) ?? AsnCreated(item, dc, at),
            };
        }

        EventInput Sale(int item, int store, DateTimeOffset at)
        {
            var qty = rng.Next(1, 4);
            // An empty shelf gets a direct store delivery instead of a sale that would go negative.
            return stock[Position(item, store)] < qty
                ? Move(Sim, "receipt", item, store, rng.Next(2, 4) * CasePack, at)
                : Move(Pos, "sale", item, store, qty, at);
        }

        EventInput Shipment(int item, int dc, DateTimeOffset at)
        {
            var cases = rng.Next(1, 5);
            return stock[Position(item, dc)] < cases * CasePack
                ? Receipt(item, dc, at)
                : Move(Wms, "shipment", item, dc, cases, at, "case");
        }

        EventInput Receipt(int item, int dc, DateTimeOffset at)
        {
            // Half the receipts at a DC close an open ASN (received against its reference).
            if (rng.Next(2) == 0 && asns.Count > 0)
            {
                var asn = asns.Dequeue();
                return Move(Wms, "receipt", asn.Item, asn.Dc, asn.Cases, at, "case", asn.Reference);
            }
            return Move(Wms, "receipt", item, dc, rng.Next(2, 9), at, "case");
        }

        EventInput Adjustment(int item, int node, DateTimeOffset at)
        {
            var p = Position(item, node);
            var qty = stock[p] >= 3 ? rng.Next(-3, 4) : rng.Next(1, 4);
            if (qty == 0) qty = 1;
            return Move(node < DcCount ? Wms : Sim, "adjustment", item, node, qty, at, reason: "found");
        }

        EventInput Count(int item, int node, DateTimeOffset at)
        {
            var p = Position(item, node);
            var counted = Math.Max(0, stock[p] + rng.Next(-2, 3));
            stock[p] = counted;
            return Event(node < DcCount ? Wms : Sim, "cycle_count", item, node, counted, Item.Each, at);
        }

        EventInput Damage(int item, int node, DateTimeOffset at)
        {
            var p = Position(item, node);
            if (stock[p] < 1) return Count(item, node, at);
            stock[p] -= 1;
            return Event(node < DcCount ? Wms : Sim, "status_change", item, node, 1, Item.Each, at) with
            {
                FromStatus = "sellable", ToStatus = "damaged",
            };
        }

        EventInput TransferOut(int item, int dc, int store, DateTimeOffset at)
        {
            var cases = rng.Next(1, 3);
            var p = Position(item, dc);
            if (stock[p] < cases * CasePack) return Receipt(item, dc, at);
            stock[p] -= cases * CasePack;
            var reference = $"TR-{sequence:D9}";
            transfers.Enqueue((item, store, reference, cases));
            return Event(Wms, "transfer_out", item, dc, cases, "case", at) with
            {
                ToNode = w.stores[store - DcCount], Reference = reference, Eta = at.AddDays(1),
            };
        }

        EventInput? TransferIn(DateTimeOffset at)
        {
            if (transfers.Count == 0) return null;
            var t = transfers.Dequeue();
            return Move(Sim, "transfer_in", t.Item, t.Store, t.Cases, at, "case", t.Reference);
        }

        EventInput AsnCreated(int item, int dc, DateTimeOffset at)
        {
            var cases = rng.Next(4, 11);
            var reference = $"ASN-{sequence:D9}";
            asns.Enqueue((item, dc, reference, cases));
            return Event(Erp, "asn_created", item, dc, cases, "case", at) with { Reference = reference, Eta = at.AddDays(3) };
        }

        EventInput? AsnCancelled(DateTimeOffset at)
        {
            if (asns.Count == 0) return null;
            var asn = asns.Dequeue();
            return Event(Erp, "asn_cancelled", asn.Item, asn.Dc, 0, "case", at) with { Reference = asn.Reference };
        }

        /// <summary>A movement with a sellable effect: keeps the simulated stock in step.</summary>
        EventInput Move(string source, string type, int item, int node, int qty, DateTimeOffset at, string uom = Item.Each,
            string? reference = null, string? reason = null)
        {
            var eaches = (long)qty * (uom == Item.Each ? 1 : CasePack);
            var sign = type is "sale" or "shipment" or "transfer_out" ? -1 : 1;
            stock[Position(item, node)] += sign * eaches;
            return Event(source, type, item, node, qty, uom, at) with { Reference = reference, Reason = reason };
        }

        EventInput Event(string source, string type, int item, int node, long qty, string uom, DateTimeOffset at)
        {
            var seq = ++sequence;
            return new EventInput
            {
                EventId = $"{source}-{seq:D10}",
                Source = source,
                Sequence = seq,
                OccurredAt = at,
                Type = type,
                Sku = w.skus[item],
                Node = NodeCode(node),
                Quantity = qty,
                Uom = uom,
            };
        }
    }
}
