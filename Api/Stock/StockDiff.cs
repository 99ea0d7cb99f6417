using InventoryRules.Engine.Stock;

namespace InventoryRules.Api.Stock;

/// <summary>
/// What a batch changes against what is stored: rows to upsert (new or different) and to delete (stored
/// keys the run no longer produces), held buckets to set, and the same in words and counts. Equal rows are
/// left alone, so a run right after another writes nothing.
/// </summary>
internal sealed class StockDiff
{
    public List<StoredSafetyStock> SafetyUpserts { get; } = [];
    public List<StoredSafetyStock> SafetyDeletes { get; } = [];
    public List<StoredHold> HoldUpserts { get; } = [];
    public List<StoredHold> HoldDeletes { get; } = [];
    public List<StoredReorder> ReorderUpserts { get; } = [];
    public List<StoredReorder> ReorderDeletes { get; } = [];
    public List<(string Sku, string Node, long Held)> HeldUpdates { get; } = [];
    public List<string> Lines { get; } = [];
    /// <summary>Units and positions released per (segment, hold rule) whose rows turned expired.</summary>
    public Dictionary<(string Segment, string RuleId), (long Units, int Positions)> Released { get; } = [];
    public int ReordersTriggered { get; private set; }

    public int SafetyChanged => SafetyUpserts.Count + SafetyDeletes.Count;
    public int HoldsChanged => HoldUpserts.Count + HoldDeletes.Count;
    public int ReordersChanged => ReorderUpserts.Count + ReorderDeletes.Count;
    public long UnitsReleased => Released.Values.Sum(r => r.Units);

    /// <param name="lineBudget">Lines still wanted in the run's report: words cost, so no more are built.</param>
    public static StockDiff Compute(StockBatch batch, List<StoredSafetyStock> safety, List<StoredHold> holds, List<StoredReorder> reorders,
        Dictionary<(string, string), long> held, int lineBudget)
    {
        var diff = new StockDiff();
        void Line(Func<string> words)
        {
            if (diff.Lines.Count < lineBudget) diff.Lines.Add(words());
        }

        var storedSafety = safety.ToDictionary(r => r.Figure.Key);
        foreach (var row in batch.Safety)
        {
            var had = storedSafety.Remove(row.Figure.Key, out var old);
            if (had && old == row) continue;
            diff.SafetyUpserts.Add(row);
            if (!had || old.Figure.Units != row.Figure.Units) Line(() => StockWords.SafetyStock(had ? old.Figure : null, row.Figure));
        }
        foreach (var old in storedSafety.Values)
        {
            diff.SafetyDeletes.Add(old);
            Line(() => StockWords.SafetyStock(old.Figure, null));
        }

        var storedHolds = holds.ToDictionary(r => r.Figure.Key);
        foreach (var row in batch.Holds)
        {
            var had = storedHolds.Remove(row.Figure.Key, out var old);
            if (had && old == row) continue;
            diff.HoldUpserts.Add(row);
            if (had && row.Figure.State == HoldState.Expired && old.Figure.State != HoldState.Expired && old.Figure.Units > 0)
            {
                var key = (row.Figure.Segment, row.Figure.RuleId);
                var (units, positions) = diff.Released.GetValueOrDefault(key);
                diff.Released[key] = (units + old.Figure.Units, positions + 1);
            }
            else if (!had || old.Figure.Units != row.Figure.Units)
            {
                Line(() => StockWords.Hold(had ? old.Figure : null, row.Figure));
            }
        }
        foreach (var old in storedHolds.Values)
        {
            diff.HoldDeletes.Add(old);
            Line(() => StockWords.Hold(old.Figure, null));
        }

        var storedReorders = reorders.ToDictionary(r => r.Figure.Key);
        foreach (var row in batch.Reorders)
        {
            var had = storedReorders.Remove(row.Figure.Key, out var old);
            if (had && old == row) continue;
            diff.ReorderUpserts.Add(row);
            if (row.Figure.Triggered && !(had && old.Figure.Triggered))
            {
                diff.ReordersTriggered++;
                Line(() => StockWords.Triggered(row.Figure));
            }
        }
        diff.ReorderDeletes.AddRange(storedReorders.Values);

        foreach (var (sku, node, units) in batch.Held)
        {
            if (held.Remove((sku, node), out var was) ? was != units : units != 0) diff.HeldUpdates.Add((sku, node, units));
        }
        // A position whose held bucket is set but that no hold covers any more (or that left the input) holds nothing.
        foreach (var ((sku, node), _) in held) diff.HeldUpdates.Add((sku, node, 0));
        return diff;
    }
}
