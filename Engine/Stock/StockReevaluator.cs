namespace InventoryRules.Engine.Stock;

/// <summary>
/// Full re-evaluation of the stock rules over every position (background work, DESIGN.md): safety stock
/// per segment by its rule's method, units held per hold rule and in total, and reorder triggers by
/// remaining shelf life. Figures are the ones decisions use (SafetyStockMath, the same rule precedence,
/// peak factors and hold arithmetic). Pure: the caller loads the input and writes the changed rows.
/// </summary>
public static class StockReevaluator
{
    /// <summary>Positions per slice: large enough that scheduling costs nothing, small enough to balance two cores.</summary>
    const int SliceSize = 16_384;

    /// <param name="input">The positions, lots, master data and rules in force at one instant.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 1 runs on the caller's thread alone.</param>
    public static StockReevaluation Evaluate(StockReevaluationInput input, int maxDegreeOfParallelism = -1)
    {
        var plan = new ReevaluationPlan(input);
        var positions = input.Positions;
        var slices = (positions.Count + SliceSize - 1) / SliceSize;
        var workers = new ReevaluationWorker[slices];
        // Rows per position seldom reach one per segment: reserve half and let the few slices that need more grow.
        var perPosition = Math.Max(1, plan.Segments.Count(s => s.SafetyStock.Count > 0) / 2);
        if (maxDegreeOfParallelism == 1 || slices <= 1)
        {
            for (var s = 0; s < slices; s++) workers[s] = RunSlice(plan, positions, s, perPosition);
        }
        else
        {
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                s => workers[s] = RunSlice(plan, positions, s, perPosition));
        }
        // Slices are joined in order, so the output follows the input whatever the threads did.
        return new StockReevaluation(
            Join(workers, w => w.SafetyStock), Join(workers, w => w.Holds), Join(workers, w => w.Held), Join(workers, w => w.Reorders),
            [.. workers.SelectMany(w => w.Failures).Take(ReevaluationWorker.MaxFailures)], workers.Sum(w => w.FailureCount),
            workers.Sum(w => w.Evaluated), workers.Sum(w => w.Skipped));
    }

    static ReevaluationWorker RunSlice(ReevaluationPlan plan, IReadOnlyList<StockPosition> positions, int slice, int perPosition)
    {
        var from = slice * SliceSize;
        var to = Math.Min(positions.Count, from + SliceSize);
        var worker = new ReevaluationWorker(plan, (to - from) * perPosition);
        worker.Run(positions, from, to);
        return worker;
    }

    static SlicedList<T> Join<T>(ReevaluationWorker[] workers, Func<ReevaluationWorker, List<T>> part) => new([.. workers.Select(part)]);
}
