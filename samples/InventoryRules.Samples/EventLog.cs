using System.Runtime.CompilerServices;
using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Collects simulated events as compact drafts and, at the end, numbers them per source in time order:
/// the event id is the source and its counter (unique per source, as ingest requires) and the counter
/// is the sequence. Instants are whole seconds.
/// </summary>
internal sealed class EventLog
{
    readonly record struct Draft(long Ticks, string Source, string Type, string Sku, string Node, int Quantity, string Uom, EventInput? Details);

    static readonly Comparer<EventInput> ById = Comparer<EventInput>.Create((a, b) => string.CompareOrdinal(a.EventId, b.EventId));

    // Drafts are structs in one array: a quarter of a million small objects alive until the end would
    // cost more in garbage collection than the simulation itself.
    readonly List<Draft> drafts = new(1 << 18);

    public int Count => drafts.Count;

    public void Add(DateTimeOffset at, string source, string type, string sku, string node, int quantity, string uom, EventInput? details) =>
        drafts.Add(new Draft(at.UtcTicks, source, type, sku, node, quantity, uom, details));

    /// <summary>Events sorted by occurredAt, then event id (ordinal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EventInput[] Finish()
    {
        // Key: the instant in seconds, then the creation index, so events at one instant keep the order
        // the simulation made them in and their per-source counters follow it.
        var keys = new long[drafts.Count];
        for (var k = 0; k < keys.Length; k++) keys[k] = ((drafts[k].Ticks / TimeSpan.TicksPerSecond) << 32) | (uint)k;
        Array.Sort(keys);

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var events = new EventInput[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            var d = drafts[(int)(keys[k] & uint.MaxValue)];
            ref var counter = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counters, d.Source, out _);
            var sequence = ++counter;
            events[k] = (d.Details ?? Empty) with
            {
                // Fixed-width counters: within one source and instant, id order is sequence order.
                EventId = $"{d.Source}-{sequence:D8}",
                Source = d.Source,
                Sequence = sequence,
                OccurredAt = new DateTimeOffset(d.Ticks, TimeSpan.Zero),
                Type = d.Type,
                Sku = d.Sku,
                Node = d.Node,
                Quantity = d.Quantity,
                Uom = d.Uom,
            };
        }
        for (var start = 0; start < events.Length;)
        {
            var end = start + 1;
            while (end < events.Length && events[end].OccurredAt == events[start].OccurredAt) end++;
            if (end - start > 1) Array.Sort(events, start, end - start, ById);
            start = end;
        }
        return events;
    }

    static readonly EventInput Empty = new();
}
