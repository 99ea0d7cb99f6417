using System.Data.Common;
using InventoryRules.Api.Data;
using InventoryRules.Engine;
using Npgsql;
using NpgsqlTypes;

namespace InventoryRules.Api.Ingest;

/// <summary>PostgreSQL: each step is one statement over parallel arrays (unnest), whatever the batch size.</summary>
public sealed class PostgresLedgerBulk : ILedgerBulk
{
    const string InsertEvents = """
        INSERT INTO events (source, event_id, sequence, occurred_at, received_at, type, sku, node, quantity, uom, eaches,
            d_on_hand, d_damaged, d_quarantined, count_qty, supply_node, s_expected, s_received, s_cancelled,
            authoritative, outcome, lot, serial, expiry, reason, from_status, to_status, eta, to_node, reference)
        SELECT t.source, t.event_id, t.sequence, t.occurred_at, @received_at, t.type, t.sku, t.node, t.quantity, t.uom,
            t.eaches, t.d_on_hand, t.d_damaged, t.d_quarantined, t.count_qty, t.supply_node, t.s_expected, t.s_received,
            t.s_cancelled, t.authoritative, t.outcome, t.lot, t.serial, t.expiry, t.reason, t.from_status, t.to_status,
            t.eta, t.to_node, t.reference
        FROM unnest(@source, @event_id, @sequence, @occurred_at, @type, @sku, @node, @quantity, @uom, @eaches,
            @d_on_hand, @d_damaged, @d_quarantined, @count_qty, @supply_node, @s_expected, @s_received, @s_cancelled,
            @authoritative, @outcome, @lot, @serial, @expiry, @reason, @from_status, @to_status, @eta, @to_node, @reference)
            AS t(source, event_id, sequence, occurred_at, type, sku, node, quantity, uom, eaches, d_on_hand, d_damaged,
                 d_quarantined, count_qty, supply_node, s_expected, s_received, s_cancelled, authoritative, outcome, lot,
                 serial, expiry, reason, from_status, to_status, eta, to_node, reference)
        ON CONFLICT (source, event_id) DO NOTHING
        RETURNING source, event_id
        """;

    const string SetOutcomes = """
        UPDATE events e SET outcome = u.outcome
        FROM unnest(@source, @event_id, @outcome) AS u(source, event_id, outcome)
        WHERE e.source = u.source AND e.event_id = u.event_id
        """;

    // Every count of a batch judged in one statement: the anchor each sees (else the retention snapshot) and the
    // deltas since, per probe.
    const string OnHandAsOf = """
        SELECT c.i, CAST(COALESCE(a.count_qty, (SELECT s.on_hand FROM position_snapshots s WHERE s.sku = c.sku AND s.node = c.node), 0)
                         + COALESCE(d.total, 0) AS BIGINT)
        FROM unnest(@i, @sku, @node, @t, @source, @event_id) AS c(i, sku, node, t, source, event_id)
        LEFT JOIN LATERAL (
            SELECT e.occurred_at, e.count_qty FROM events e
            WHERE e.sku = c.sku AND e.node = c.node AND e.type = 'cycle_count' AND e.authoritative = TRUE
              AND e.occurred_at <= c.t AND NOT (e.source = c.source AND e.event_id = c.event_id)
            ORDER BY e.occurred_at DESC, e.source DESC, e.event_id DESC
            LIMIT 1) a ON TRUE
        LEFT JOIN LATERAL (
            SELECT SUM(e.d_on_hand) AS total FROM events e
            WHERE e.sku = c.sku AND e.node = c.node AND e.authoritative = TRUE
              AND e.occurred_at > COALESCE(a.occurred_at, -9223372036854775808) AND e.occurred_at <= c.t) d ON TRUE
        """;

    const string SellableAfter = """
        SELECT c.i, CAST(COALESCE((SELECT SUM(e.d_on_hand) FROM events e
                                   WHERE e.sku = c.sku AND e.node = c.node AND e.authoritative = TRUE AND e.occurred_at > c.t), 0) AS BIGINT)
        FROM unnest(@i, @sku, @node, @t) AS c(i, sku, node, t)
        """;

    const string CreatePositions = """
        INSERT INTO positions (sku, node) SELECT * FROM unnest(@sku, @node) ON CONFLICT (sku, node) DO NOTHING
        """;

    const string LockPositions = $"""
        SELECT {PositionColumns.List} FROM positions
        WHERE (sku, node) IN (SELECT * FROM unnest(@sku, @node))
        ORDER BY sku, node FOR UPDATE
        """;

    const string SavePositions = """
        UPDATE positions p SET on_hand = u.on_hand, damaged = u.damaged, quarantined = u.quarantined,
            anchor_at = u.anchor_at, anchor_qty = u.anchor_qty, anchor_source = u.anchor_source,
            anchor_event_id = u.anchor_event_id, last_event_at = u.last_event_at, version = u.version,
            position_quarantined = u.position_quarantined, updated_at = @now
        FROM unnest(@sku, @node, @on_hand, @damaged, @quarantined, @anchor_at, @anchor_qty, @anchor_source,
            @anchor_event_id, @last_event_at, @version, @position_quarantined)
            AS u(sku, node, on_hand, damaged, quarantined, anchor_at, anchor_qty, anchor_source, anchor_event_id,
                 last_event_at, version, position_quarantined)
        WHERE p.sku = u.sku AND p.node = u.node
        """;

    const string AddSupply = $"""
        INSERT INTO supply_lines (sku, node, reference, expected, received, cancelled, eta, eta_set_at, updated_at)
        SELECT u.sku, u.node, u.reference, u.expected, u.received, u.cancelled, u.eta, u.eta_set_at, @now
        FROM unnest(@sku, @node, @reference, @expected, @received, @cancelled, @eta, @eta_set_at)
            AS u(sku, node, reference, expected, received, cancelled, eta, eta_set_at)
        {SupplyMerge.OnConflict}
        """;

    const string Movement = """
        SELECT sku, node, direction, events, units FROM movement
        WHERE (sku, node) IN (SELECT * FROM unnest(@sku, @node))
        """;

    const string AddMovement = """
        INSERT INTO movement (sku, node, direction, events, units) SELECT * FROM unnest(@sku, @node, @direction, @events, @units)
        ON CONFLICT (sku, node, direction) DO UPDATE SET events = movement.events + excluded.events,
                                                         units = movement.units + excluded.units
        """;

    public async Task<HashSet<EventKey>> InsertEventsAsync(DbTransaction tx, IReadOnlyList<LedgerEvent> events, long receivedAt, CancellationToken ct)
    {
        await using var cmd = Command(tx, InsertEvents);
        cmd.Parameters.Add(new NpgsqlParameter<long>("received_at", receivedAt));
        Text(cmd, "source", events, e => e.Key.Source);
        Text(cmd, "event_id", events, e => e.Key.EventId);
        Array(cmd, "sequence", NpgsqlDbType.Bigint, events, e => e.Sequence);
        Array(cmd, "occurred_at", NpgsqlDbType.Bigint, events, e => Instants.ToMicros(e.OccurredAt));
        Text(cmd, "type", events, e => e.Type.Name());
        Text(cmd, "sku", events, e => e.Sku.Value);
        Text(cmd, "node", events, e => e.Node.Value);
        Array(cmd, "quantity", NpgsqlDbType.Numeric, events, e => e.Quantity);
        Text(cmd, "uom", events, e => e.Uom);
        Array(cmd, "eaches", NpgsqlDbType.Bigint, events, e => e.Eaches);
        Array(cmd, "d_on_hand", NpgsqlDbType.Bigint, events, e => e.Effect.OnHand);
        Array(cmd, "d_damaged", NpgsqlDbType.Bigint, events, e => e.Effect.Damaged);
        Array(cmd, "d_quarantined", NpgsqlDbType.Bigint, events, e => e.Effect.Quarantined);
        Array(cmd, "count_qty", NpgsqlDbType.Bigint, events, e => e.CountedOnHand);
        Text(cmd, "supply_node", events, e => e.Supply?.Destination.Value);
        Array(cmd, "s_expected", NpgsqlDbType.Bigint, events, e => e.Supply?.Expected ?? 0);
        Array(cmd, "s_received", NpgsqlDbType.Bigint, events, e => e.Supply?.Received ?? 0);
        Array(cmd, "s_cancelled", NpgsqlDbType.Boolean, events, e => e.Supply?.Cancelled ?? false);
        Array(cmd, "authoritative", NpgsqlDbType.Boolean, events, e => e.Authoritative);
        Text(cmd, "outcome", events, LedgerRow.InitialOutcome);
        Text(cmd, "lot", events, e => e.Input.Lot);
        Text(cmd, "serial", events, e => e.Input.Serial);
        Array(cmd, "expiry", NpgsqlDbType.Bigint, events, e => Instants.ToMicros(e.Input.Expiry));
        Text(cmd, "reason", events, e => e.Input.Reason);
        Text(cmd, "from_status", events, e => e.Input.FromStatus);
        Text(cmd, "to_status", events, e => e.Input.ToStatus);
        Array(cmd, "eta", NpgsqlDbType.Bigint, events, e => Instants.ToMicros(e.Input.Eta));
        Text(cmd, "to_node", events, e => e.Input.ToNode);
        Text(cmd, "reference", events, e => e.Input.Reference);
        var inserted = new HashSet<EventKey>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) inserted.Add(new EventKey(reader.GetString(0), reader.GetString(1)));
        return inserted;
    }

    public async Task SetOutcomesAsync(DbTransaction tx, IReadOnlyList<(EventKey Key, string Outcome)> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0) return;
        await using var cmd = Command(tx, SetOutcomes);
        Text(cmd, "source", outcomes, o => o.Key.Source);
        Text(cmd, "event_id", outcomes, o => o.Key.EventId);
        Text(cmd, "outcome", outcomes, o => o.Outcome);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<Dictionary<PositionKey, PositionState>> LockPositionsAsync(DbTransaction tx, IReadOnlyList<PositionKey> keys, CancellationToken ct)
    {
        await using (var create = Command(tx, CreatePositions))
        {
            Text(create, "sku", keys, k => k.Sku.Value);
            Text(create, "node", keys, k => k.Node.Value);
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = Command(tx, LockPositions);
        Text(cmd, "sku", keys, k => k.Sku.Value);
        Text(cmd, "node", keys, k => k.Node.Value);
        var result = new Dictionary<PositionKey, PositionState>(keys.Count);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var state = PositionColumns.Read(reader);
            result[new PositionKey(state.Sku, state.Node)] = state;
        }
        return result;
    }

    public Task<long[]> OnHandAsOfAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct) =>
        ProbeAsync(tx, OnHandAsOf, probes, withExcept: true, ct);

    public Task<long[]> SellableAfterAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct) =>
        ProbeAsync(tx, SellableAfter, probes, withExcept: false, ct);

    static async Task<long[]> ProbeAsync(DbTransaction tx, string sql, IReadOnlyList<LedgerProbe> probes, bool withExcept, CancellationToken ct)
    {
        var result = new long[probes.Count];
        if (probes.Count == 0) return result;
        await using var cmd = Command(tx, sql);
        cmd.Parameters.Add(new NpgsqlParameter("i", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = Enumerable.Range(0, probes.Count).ToArray() });
        Text(cmd, "sku", probes, p => p.Sku);
        Text(cmd, "node", probes, p => p.Node);
        Array(cmd, "t", NpgsqlDbType.Bigint, probes, p => p.At);
        if (withExcept)
        {
            Text(cmd, "source", probes, p => p.Except.Source);
            Text(cmd, "event_id", probes, p => p.Except.EventId);
        }
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetInt32(0)] = reader.GetInt64(1);
        return result;
    }

    public async Task SavePositionsAsync(DbTransaction tx, IReadOnlyList<PositionState> positions, long now, CancellationToken ct)
    {
        await using var cmd = Command(tx, SavePositions);
        cmd.Parameters.Add(new NpgsqlParameter<long>("now", now));
        Text(cmd, "sku", positions, p => p.Sku.Value);
        Text(cmd, "node", positions, p => p.Node.Value);
        Array(cmd, "on_hand", NpgsqlDbType.Bigint, positions, p => p.OnHand);
        Array(cmd, "damaged", NpgsqlDbType.Bigint, positions, p => p.Damaged);
        Array(cmd, "quarantined", NpgsqlDbType.Bigint, positions, p => p.Quarantined);
        Array(cmd, "anchor_at", NpgsqlDbType.Bigint, positions, p => Instants.ToMicros(p.Anchor?.At));
        Array(cmd, "anchor_qty", NpgsqlDbType.Bigint, positions, p => p.Anchor?.Quantity);
        Text(cmd, "anchor_source", positions, p => p.Anchor?.Key.Source);
        Text(cmd, "anchor_event_id", positions, p => p.Anchor?.Key.EventId);
        Array(cmd, "last_event_at", NpgsqlDbType.Bigint, positions, p => Instants.ToMicros(p.LastEventAt));
        Array(cmd, "version", NpgsqlDbType.Bigint, positions, p => p.Version);
        Array(cmd, "position_quarantined", NpgsqlDbType.Boolean, positions, p => p.PositionQuarantined);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task AddSupplyAsync(DbTransaction tx, IReadOnlyList<SupplyLineChange> changes, long now, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        await using var cmd = Command(tx, AddSupply);
        cmd.Parameters.Add(new NpgsqlParameter<long>("now", now));
        Text(cmd, "sku", changes, c => c.Sku);
        Text(cmd, "node", changes, c => c.Node);
        Text(cmd, "reference", changes, c => c.Reference);
        Array(cmd, "expected", NpgsqlDbType.Bigint, changes, c => c.Expected);
        Array(cmd, "received", NpgsqlDbType.Bigint, changes, c => c.Received);
        Array(cmd, "cancelled", NpgsqlDbType.Boolean, changes, c => c.Cancelled);
        Array(cmd, "eta", NpgsqlDbType.Bigint, changes, c => c.Eta);
        Array(cmd, "eta_set_at", NpgsqlDbType.Bigint, changes, c => c.EtaSetAt);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<Dictionary<MovementKey, ItemMovement>> MovementAsync(DbTransaction tx, IReadOnlyList<PositionKey> positions, CancellationToken ct)
    {
        await using var cmd = Command(tx, Movement);
        Text(cmd, "sku", positions, p => p.Sku.Value);
        Text(cmd, "node", positions, p => p.Node.Value);
        var result = new Dictionary<MovementKey, ItemMovement>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[new MovementKey(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = new ItemMovement(reader.GetInt64(3), reader.GetInt64(4));
        }
        return result;
    }

    public async Task AddMovementAsync(DbTransaction tx, IReadOnlyList<(MovementKey Key, ItemMovement Added)> added, CancellationToken ct)
    {
        if (added.Count == 0) return;
        await using var cmd = Command(tx, AddMovement);
        Text(cmd, "sku", added, a => a.Key.Sku);
        Text(cmd, "node", added, a => a.Key.Node);
        Text(cmd, "direction", added, a => a.Key.Direction);
        Array(cmd, "events", NpgsqlDbType.Bigint, added, a => a.Added.Events);
        Array(cmd, "units", NpgsqlDbType.Bigint, added, a => a.Added.Units);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static NpgsqlCommand Command(DbTransaction tx, string sql) =>
        new(sql, (NpgsqlConnection)tx.Connection!, (NpgsqlTransaction)tx);

    static void Text<T>(NpgsqlCommand cmd, string name, IReadOnlyList<T> rows, Func<T, string?> pick) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Pick(rows, pick) });

    static void Array<T, TValue>(NpgsqlCommand cmd, string name, NpgsqlDbType type, IReadOnlyList<T> rows, Func<T, TValue> pick) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = Pick(rows, pick) });

    static TValue[] Pick<T, TValue>(IReadOnlyList<T> rows, Func<T, TValue> pick)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = pick(rows[i]);
        return values;
    }
}
