namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Chooses the set of nodes an order ships from and which lines each one serves, to fill as many units
/// as possible and, among the fullest plans, to cost the least under the routing rule (shipment costs,
/// per-unit costs, depth rewards) plus the split penalty per extra shipment.
///
/// Algorithm: the candidate nodes are pruned to the most useful ones (most units of the order covered,
/// then lowest shipment cost, plus each line's own best node); then every subset of at most the split
/// policy's node count is tried. Within a subset, each line takes the cheapest node of the subset that
/// covers it whole, or, when the line may split, fills from the subset's nodes cheapest first. The best
/// plan over all subsets wins: most units, then lowest cost, then fewest shipments, then node order.
///
/// Limits: exact over the pruned candidates for the per-subset assignment rule above; a plan needing a
/// node outside the pruned set, or an assignment where giving a line a dearer node frees stock for a
/// later line of the same sku, can be missed. Pruning keeps 10 nodes (plus each line's best) for
/// single-node plans, the best 8 for pairs and the best 6 for three or more nodes.
/// </summary>
internal static class Allocator
{
    /// <summary>Nodes tried in pairs and in triples (or more): the most useful ones only, or the search grows cubically.</summary>
    const int PairPool = 8;
    const int WideSubsetPool = 6;

    public static AllocationPlan Solve(IReadOnlyList<LineWork> lines, int pools, SplitPolicy policy, int candidateLimit)
    {
        if (lines.Count == 0) return AllocationPlan.Empty(0);
        var nodeCount = lines[0].Candidates.Length;
        var stock = new long[pools, nodeCount];
        foreach (var line in lines)
        {
            for (var n = 0; n < nodeCount; n++) stock[line.Pool, n] = Math.Max(stock[line.Pool, n], line.Candidates[n].Eligible ? line.Candidates[n].Atp : 0);
        }
        var pool = Pool(lines, stock, Math.Max(1, candidateLimit));
        if (pool.Length == 0) return AllocationPlan.Empty(lines.Count);

        var search = new Search(lines, stock, policy);
        var maxSize = Math.Min(policy.Nodes, pool.Length);
        var subset = new int[maxSize];
        for (var size = 1; size <= maxSize; size++)
        {
            var from = size switch
            {
                1 => pool,
                2 => pool[..Math.Min(pool.Length, PairPool)],
                _ => pool[..Math.Min(pool.Length, WideSubsetPool)],
            };
            if (from.Length < size) break;
            Enumerate(from, size, 0, 0, subset, search);
        }
        return search.Result();
    }

    /// <summary>The nodes worth trying, most useful first.</summary>
    static int[] Pool(IReadOnlyList<LineWork> lines, long[,] stock, int limit)
    {
        var nodeCount = lines[0].Candidates.Length;
        var useful = new List<(int Node, long Coverage, double Cost)>(nodeCount);
        for (var n = 0; n < nodeCount; n++)
        {
            long coverage = 0;
            double cost = 0;
            var serving = 0;
            foreach (var line in lines)
            {
                ref readonly var c = ref line.Candidates[n];
                if (!c.Eligible || stock[line.Pool, n] <= 0) continue;
                coverage += Math.Min(line.Line.Quantity, stock[line.Pool, n]);
                cost += c.Fixed;
                serving++;
            }
            if (coverage > 0) useful.Add((n, coverage, cost / serving));
        }
        useful.Sort(static (a, b) => a.Coverage != b.Coverage ? b.Coverage.CompareTo(a.Coverage)
            : a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : a.Node.CompareTo(b.Node));
        var chosen = new List<int>(limit + lines.Count);
        for (var i = 0; i < useful.Count && i < limit; i++) chosen.Add(useful[i].Node);
        foreach (var line in lines)
        {
            // Each line's own cheapest full source stays in, so pruning never hides the obvious answer for it.
            var best = -1;
            var bestCost = double.MaxValue;
            for (var n = 0; n < nodeCount; n++)
            {
                ref readonly var c = ref line.Candidates[n];
                if (!c.Eligible || stock[line.Pool, n] < line.Line.Quantity) continue;
                var cost = c.Fixed + c.UnitCost * line.Line.Quantity + c.LineTerm;
                if (cost < bestCost) (best, bestCost) = (n, cost);
            }
            if (best >= 0 && !chosen.Contains(best)) chosen.Add(best);
        }
        return [.. chosen];
    }

    static void Enumerate(int[] from, int size, int start, int depth, int[] subset, Search search)
    {
        if (depth == size)
        {
            search.Try(subset.AsSpan(0, size));
            return;
        }
        for (var i = start; i <= from.Length - (size - depth); i++)
        {
            subset[depth] = from[i];
            Enumerate(from, size, i + 1, depth + 1, subset, search);
        }
    }

    /// <summary>Evaluates subsets and keeps the best plan; scratch arrays are reused across subsets.</summary>
    sealed class Search(IReadOnlyList<LineWork> lines, long[,] stock, SplitPolicy policy)
    {
        readonly long[] remaining = new long[stock.GetLength(0) * policy.Nodes];
        readonly long[] assigned = new long[lines.Count * policy.Nodes];
        readonly double[] shipmentFixed = new double[policy.Nodes];
        long[]? bestAssigned;
        int[]? bestSubset;
        long bestFilled = -1;
        double bestCost;
        int bestShipments;
        int tried;
        int[] bestUsed = [];
        int[]? runnerUpUsed;
        long runnerUpFilled;
        double runnerUpCost;

        public void Try(ReadOnlySpan<int> subset)
        {
            tried++;
            var k = subset.Length;
            var pools = stock.GetLength(0);
            for (var p = 0; p < pools; p++)
            {
                for (var j = 0; j < k; j++) remaining[p * policy.Nodes + j] = stock[p, subset[j]];
            }
            Array.Clear(assigned);
            long filled = 0;
            double cost = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var need = line.Line.Quantity;
                if (policy.AllowLineSplit)
                {
                    while (need > 0)
                    {
                        var pick = Cheapest(line, subset, need, mustCover: false);
                        if (pick < 0) break;
                        var take = Math.Min(need, remaining[line.Pool * policy.Nodes + pick]);
                        Take(i, line, pick, take, subset, ref cost);
                        need -= take;
                        filled += take;
                    }
                }
                else
                {
                    var pick = Cheapest(line, subset, need, mustCover: true);
                    if (pick < 0) pick = Fullest(line, subset);
                    if (pick >= 0)
                    {
                        var take = Math.Min(need, remaining[line.Pool * policy.Nodes + pick]);
                        Take(i, line, pick, take, subset, ref cost);
                        filled += take;
                    }
                }
            }
            var shipments = 0;
            for (var j = 0; j < k; j++)
            {
                var used = false;
                for (var i = 0; i < lines.Count && !used; i++) used = assigned[i * policy.Nodes + j] > 0;
                if (!used) continue;
                shipments++;
                cost += shipmentFixed[j];
            }
            cost += policy.Penalty * Math.Max(0, shipments - 1);
            if (!Better(filled, cost, shipments))
            {
                if (filled > 0 && (runnerUpUsed is null || filled > runnerUpFilled || (filled == runnerUpFilled && cost < runnerUpCost - 1e-9)))
                {
                    var used = Used(subset, shipments);
                    if (!used.AsSpan().SequenceEqual(bestUsed)) (runnerUpUsed, runnerUpFilled, runnerUpCost) = (used, filled, cost);
                }
                return;
            }
            var newUsed = Used(subset, shipments);
            if (bestFilled > 0 && !newUsed.AsSpan().SequenceEqual(bestUsed)) (runnerUpUsed, runnerUpFilled, runnerUpCost) = (bestUsed, bestFilled, bestCost);
            bestUsed = newUsed;
            bestFilled = filled;
            bestCost = cost;
            bestShipments = shipments;
            bestAssigned ??= new long[assigned.Length];
            bestSubset ??= new int[policy.Nodes];
            assigned.CopyTo(bestAssigned, 0);
            Array.Fill(bestSubset, -1);
            subset.CopyTo(bestSubset);
        }

        /// <summary>The nodes of the subset that ship something in the plan just evaluated.</summary>
        int[] Used(ReadOnlySpan<int> subset, int shipments)
        {
            var used = new int[shipments];
            var u = 0;
            for (var j = 0; j < subset.Length; j++)
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    if (assigned[i * policy.Nodes + j] <= 0) continue;
                    used[u++] = subset[j];
                    break;
                }
            }
            return used;
        }

        void Take(int i, LineWork line, int j, long take, ReadOnlySpan<int> subset, ref double cost)
        {
            ref readonly var c = ref line.Candidates[subset[j]];
            if (assigned[i * policy.Nodes + j] == 0) cost += c.LineTerm;
            assigned[i * policy.Nodes + j] += take;
            remaining[line.Pool * policy.Nodes + j] -= take;
            cost += c.UnitCost * take;
            // A shipment costs once, at the dearest fixed cost of the lines it carries.
            var anyBefore = false;
            for (var other = 0; other < i && !anyBefore; other++) anyBefore = assigned[other * policy.Nodes + j] > 0;
            shipmentFixed[j] = anyBefore ? Math.Max(shipmentFixed[j], c.Fixed) : c.Fixed;
        }

        int Cheapest(LineWork line, ReadOnlySpan<int> subset, long need, bool mustCover)
        {
            var best = -1;
            var bestCost = double.MaxValue;
            for (var j = 0; j < subset.Length; j++)
            {
                ref readonly var c = ref line.Candidates[subset[j]];
                var left = remaining[line.Pool * policy.Nodes + j];
                if (!c.Eligible || left <= 0 || (mustCover && left < need)) continue;
                var cost = c.UnitCost + (c.Fixed + c.LineTerm) / Math.Max(1, need);
                if (cost < bestCost) (best, bestCost) = (j, cost);
            }
            return best;
        }

        int Fullest(LineWork line, ReadOnlySpan<int> subset)
        {
            var best = -1;
            long most = 0;
            for (var j = 0; j < subset.Length; j++)
            {
                var left = remaining[line.Pool * policy.Nodes + j];
                if (line.Candidates[subset[j]].Eligible && left > most) (best, most) = (j, left);
            }
            return best;
        }

        bool Better(long filled, double cost, int shipments)
        {
            if (filled != bestFilled) return filled > bestFilled;
            if (Math.Abs(cost - bestCost) > 1e-9) return cost < bestCost;
            return shipments < bestShipments;
        }

        public AllocationPlan Result()
        {
            if (bestAssigned is null || bestSubset is null || bestFilled <= 0) return AllocationPlan.Empty(lines.Count) with { SubsetsTried = tried };
            var perLine = new List<IReadOnlyList<(int, long)>>(lines.Count);
            for (var i = 0; i < lines.Count; i++)
            {
                var parts = new List<(int, long)>();
                for (var j = 0; j < bestSubset.Length && bestSubset[j] >= 0; j++)
                {
                    var quantity = bestAssigned[i * policy.Nodes + j];
                    if (quantity > 0) parts.Add((bestSubset[j], quantity));
                }
                perLine.Add(parts);
            }
            var runnerUp = runnerUpUsed is null ? null : new RunnerUp(runnerUpUsed, runnerUpFilled, runnerUpCost);
            return new AllocationPlan(perLine, bestFilled, bestCost, bestShipments, tried) { RunnerUp = runnerUp };
        }
    }
}
