using System.Data.Common;
using InventoryRules.Api.Data;
using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>The positions columns ingest reads, in one order for both stores.</summary>
static class PositionColumns
{
    public const string List = """
        sku, node, on_hand, damaged, quarantined, committed, held, anchor_at, anchor_qty, anchor_source,
        anchor_event_id, last_event_at, version, position_quarantined
        """;

    public static PositionState Read(DbDataReader r)
    {
        CountAnchor? anchor = r.IsDBNull(7) ? null
            : new CountAnchor(Instants.FromMicros(r.GetInt64(7)), r.GetInt64(8), new EventKey(r.GetString(9), r.GetString(10)));
        return new PositionState(new ItemId(r.GetString(0)), new NodeId(r.GetString(1)), r.GetInt64(2), r.GetInt64(3),
            r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), anchor,
            r.IsDBNull(11) ? null : Instants.FromMicros(r.GetInt64(11)), r.GetInt64(12), r.GetBoolean(13));
    }
}
