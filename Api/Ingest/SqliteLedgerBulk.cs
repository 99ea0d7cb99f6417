using System.Data.Common;
using InventoryRules.Api.Data;
using InventoryRules.Engine;
using Microsoft.Data.Sqlite;

namespace InventoryRules.Api.Ingest;

/// <summary>
/// SQLite: the writer holds the database for the whole batch (BEGIN IMMEDIATE), so each step is a
/// prepared statement run once per row in-process, with no locking beyond that.
/// </summary>
public sealed class SqliteLedgerBulk : ILedgerBulk
{
    const string InsertEvent = """
        INSERT INTO events (source, event_id, sequence, occurred_at, received_at, type, sku, node, quantity, uom, eaches,
            d_on_hand, d_damaged, d_quarantined, count_qty, supply_node, s_expected, s_received, s_cancelled,
            authoritative, outcome, lot, serial, expiry, reason, from_status, to_status, eta, to_node, reference)
        VALUES ($source, $event_id, $sequence, $occurred_at, $received_at, $type, $sku, $node, $quantity, $uom, $eaches,
            $d_on_hand, $d_damaged, $d_quarantined, $count_qty, $supply_node, $s_expected, $s_received, $s_cancelled,
            $authoritative, $outcome, $lot, $serial, $expiry, $reason, $from_status, $to_status, $eta, $to_node, $reference)
        ON CONFLICT (source, event_id) DO NOTHING
        """;

    const string SetOutcome = "UPDATE events SET outcome = $outcome WHERE source = $source AND event_id = $event_id";

    const string CreatePosition = "INSERT INTO positions (sku, node) VALUES ($sku, $node) ON CONFLICT (sku, node) DO NOTHING";

    const string ReadPosition = $"SELECT {PositionColumns.List} FROM positions WHERE sku = $sku AND node = $node";

    const string SavePosition = """
        UPDATE positions SET on_hand = $on_hand, damaged = $damaged, quarantined = $quarantined,
            anchor_at = $anchor_at, anchor_qty = $anchor_qty, anchor_source = $anchor_source,
            anchor_event_id = $anchor_event_id, last_event_at = $last_event_at, version = $version,
            position_quarantined = $position_quarantined, updated_at = $now
        WHERE sku = $sku AND node = $node
        """;

    const string AddSupply = $"""
        INSERT INTO supply_lines (sku, node, reference, expected, received, cancelled, eta, eta_set_at, updated_at)
        VALUES ($sku, $node, $reference, $expected, $received, $cancelled, $eta, $eta_set_at, $now)
        {SupplyMerge.OnConflict}
        """;

    const string Movement = "SELECT direction, events, units FROM movement WHERE sku = $sku AND node = $node";

    const string AddMovement = """
        INSERT INTO movement (sku, node, direction, events, units) VALUES ($sku, $node, $direction, $events, $units)
        ON CONFLICT (sku, node, direction) DO UPDATE SET events = movement.events + excluded.events,
                                                         units = movement.units + excluded.units
        """;

    // One row per statement on purpose: SQLite finds a named parameter by a linear search, so a
    // multi-row statement with thousands of parameters costs more to bind than it saves in statements.
    public async Task<HashSet<EventKey>> InsertEventsAsync(DbTransaction tx, IReadOnlyList<LedgerEvent> events, long receivedAt, CancellationToken ct)
    {
        await using var cmd = Prepared(tx, InsertEvent, "source", "event_id", "sequence", "occurred_at", "received_at", "type",
            "sku", "node", "quantity", "uom", "eaches", "d_on_hand", "d_damaged", "d_quarantined", "count_qty", "supply_node",
            "s_expected", "s_received", "s_cancelled", "authoritative", "outcome", "lot", "serial", "expiry", "reason",
            "from_status", "to_status", "eta", "to_node", "reference");
        var inserted = new HashSet<EventKey>();
        foreach (var e in events)
        {
            Set(cmd, e.Key.Source, e.Key.EventId, e.Sequence, Instants.ToMicros(e.OccurredAt), receivedAt, e.Type.Name(),
                e.Sku.Value, e.Node.Value, e.Quantity, e.Uom, e.Eaches, e.Effect.OnHand, e.Effect.Damaged, e.Effect.Quarantined,
                e.CountedOnHand, e.Supply?.Destination.Value, e.Supply?.Expected ?? 0, e.Supply?.Received ?? 0,
                e.Supply?.Cancelled ?? false, e.Authoritative, LedgerRow.InitialOutcome(e), e.Input.Lot, e.Input.Serial,
                Instants.ToMicros(e.Input.Expiry), e.Input.Reason, e.Input.FromStatus, e.Input.ToStatus,
                Instants.ToMicros(e.Input.Eta), e.Input.ToNode, e.Input.Reference);
            if (await cmd.ExecuteNonQueryAsync(ct) == 1) inserted.Add(e.Key);
        }
        return inserted;
    }

    public async Task SetOutcomesAsync(DbTransaction tx, IReadOnlyList<(EventKey Key, string Outcome)> outcomes, CancellationToken ct)
    {
        await using var cmd = Prepared(tx, SetOutcome, "outcome", "source", "event_id");
        foreach (var (key, outcome) in outcomes)
        {
            Set(cmd, outcome, key.Source, key.EventId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<Dictionary<PositionKey, PositionState>> LockPositionsAsync(DbTransaction tx, IReadOnlyList<PositionKey> keys, CancellationToken ct)
    {
        await using var create = Prepared(tx, CreatePosition, "sku", "node");
        await using var read = Prepared(tx, ReadPosition, "sku", "node");
        var result = new Dictionary<PositionKey, PositionState>(keys.Count);
        foreach (var key in keys)
        {
            Set(create, key.Sku.Value, key.Node.Value);
            await create.ExecuteNonQueryAsync(ct);
            Set(read, key.Sku.Value, key.Node.Value);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) result[key] = PositionColumns.Read(reader);
        }
        return result;
    }

    // In-process, a query per probe costs microseconds: no set-based form needed.
    public async Task<long[]> OnHandAsOfAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct)
    {
        var result = new long[probes.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            var p = probes[i];
            result[i] = await LedgerQueries.OnHandAsOfAsync(tx.Connection!, tx, p.Sku, p.Node, p.At, (p.Except.Source, p.Except.EventId), ct);
        }
        return result;
    }

    public async Task<long[]> SellableAfterAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct)
    {
        var result = new long[probes.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            result[i] = await LedgerQueries.SellableBetweenAsync(tx.Connection!, tx, probes[i].Sku, probes[i].Node, probes[i].At, long.MaxValue, ct);
        }
        return result;
    }

    public async Task SavePositionsAsync(DbTransaction tx, IReadOnlyList<PositionState> positions, long now, CancellationToken ct)
    {
        await using var cmd = Prepared(tx, SavePosition, "on_hand", "damaged", "quarantined", "anchor_at", "anchor_qty",
            "anchor_source", "anchor_event_id", "last_event_at", "version", "position_quarantined", "now", "sku", "node");
        foreach (var p in positions)
        {
            Set(cmd, p.OnHand, p.Damaged, p.Quarantined, Instants.ToMicros(p.Anchor?.At), p.Anchor?.Quantity,
                p.Anchor?.Key.Source, p.Anchor?.Key.EventId, Instants.ToMicros(p.LastEventAt), p.Version,
                p.PositionQuarantined, now, p.Sku.Value, p.Node.Value);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task AddSupplyAsync(DbTransaction tx, IReadOnlyList<SupplyLineChange> changes, long now, CancellationToken ct)
    {
        await using var cmd = Prepared(tx, AddSupply, "sku", "node", "reference", "expected", "received", "cancelled", "eta", "eta_set_at", "now");
        foreach (var c in changes)
        {
            Set(cmd, c.Sku, c.Node, c.Reference, c.Expected, c.Received, c.Cancelled, c.Eta, c.EtaSetAt, now);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<Dictionary<MovementKey, ItemMovement>> MovementAsync(DbTransaction tx, IReadOnlyList<PositionKey> positions, CancellationToken ct)
    {
        await using var cmd = Prepared(tx, Movement, "sku", "node");
        var result = new Dictionary<MovementKey, ItemMovement>();
        foreach (var p in positions)
        {
            Set(cmd, p.Sku.Value, p.Node.Value);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result[new MovementKey(p.Sku.Value, p.Node.Value, reader.GetString(0))] = new ItemMovement(reader.GetInt64(1), reader.GetInt64(2));
            }
        }
        return result;
    }

    public async Task AddMovementAsync(DbTransaction tx, IReadOnlyList<(MovementKey Key, ItemMovement Added)> added, CancellationToken ct)
    {
        await using var cmd = Prepared(tx, AddMovement, "sku", "node", "direction", "events", "units");
        foreach (var (key, movement) in added)
        {
            Set(cmd, key.Sku, key.Node, key.Direction, movement.Events, movement.Units);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    static SqliteCommand Prepared(DbTransaction tx, string sql, params string[] names)
    {
        var cmd = new SqliteCommand(sql, (SqliteConnection)tx.Connection!, (SqliteTransaction)tx);
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter("$" + name, null));
        cmd.Prepare();
        return cmd;
    }

    static void Set(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                var v => v,
            };
        }
    }
}
