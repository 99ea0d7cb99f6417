using System.Data.Common;
using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>
/// The row-heavy steps of ingest, written once per dialect: PostgreSQL takes whole arrays per statement
/// (one round trip for a thousand rows), SQLite reuses prepared statements in-process. Every method
/// runs inside the caller's transaction and touches rows in the order given, which callers sort.
/// </summary>
public interface ILedgerBulk
{
    /// <summary>Inserts the events that are not stored yet; returns the keys of those it inserted.</summary>
    Task<HashSet<EventKey>> InsertEventsAsync(DbTransaction tx, IReadOnlyList<LedgerEvent> events, long receivedAt, CancellationToken ct);

    /// <summary>Creates missing positions and locks all of them until commit.</summary>
    /// <summary>Corrects the outcome of events this transaction inserted (few: late deltas, superseded counts).</summary>
    Task SetOutcomesAsync(DbTransaction tx, IReadOnlyList<(EventKey Key, string Outcome)> outcomes, CancellationToken ct);

    Task<Dictionary<PositionKey, PositionState>> LockPositionsAsync(DbTransaction tx, IReadOnlyList<PositionKey> keys, CancellationToken ct);

    /// <summary>
    /// For each probe, sellable on-hand as the ledger knows it at the probe's instant (latest count at or
    /// before it plus later deltas), leaving out the probe's own event: a count judged against the ledger.
    /// </summary>
    Task<long[]> OnHandAsOfAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct);

    /// <summary>For each probe, the sum of authoritative sellable deltas that occurred after its instant.</summary>
    Task<long[]> SellableAfterAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct);

    Task SavePositionsAsync(DbTransaction tx, IReadOnlyList<PositionState> positions, long now, CancellationToken ct);

    /// <summary>Adds to supply lines; every column only grows, so concurrent batches commute.</summary>
    Task AddSupplyAsync(DbTransaction tx, IReadOnlyList<SupplyLineChange> changes, long now, CancellationToken ct);

    /// <summary>Movement statistics of the given positions, both directions, where any exist.</summary>
    Task<Dictionary<MovementKey, ItemMovement>> MovementAsync(DbTransaction tx, IReadOnlyList<PositionKey> positions, CancellationToken ct);

    /// <summary>Adds to movement statistics (increments, never absolute values, so concurrent batches commute).</summary>
    Task AddMovementAsync(DbTransaction tx, IReadOnlyList<(MovementKey Key, ItemMovement Added)> added, CancellationToken ct);
}
