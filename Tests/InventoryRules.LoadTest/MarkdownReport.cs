using System.Globalization;

namespace InventoryRules.LoadTest;

/// <summary>The run as one Markdown table on stdout, ready to paste into BENCHMARKS.md.</summary>
static class MarkdownReport
{
    public static void Write(TextWriter output, RunReport r)
    {
        var rows = new List<(string, string)>
        {
            ("endpoint", r.Endpoint),
            ("service", r.Url),
            ("clients / warm-up / duration", $"{r.Clients} / {r.WarmupSeconds} s / {r.DurationSeconds} s (segment {r.Segment}, lines {r.Lines}, seed {r.Seed})"),
            ("stock discovered", $"{N(r.Discovery.Positions)} positions, {N(r.Discovery.StockedPositions)} with sellable stock, {N(r.Discovery.StockedSkus)} SKUs, ship-to {string.Join("/", r.Discovery.Countries)}"),
            ("requests (measured)", $"{N(r.Requests)} in {F(r.Seconds, 1)} s ({N(r.WarmupRequests)} warm-up not counted)"),
            ("throughput", $"{N1(r.RequestsPerSecond)} req/s; 2xx {N1(r.OkPerSecond)} req/s"),
        };
        if (r.LatencyMs is { } l)
        {
            rows.Add(("latency p50 / p90 (2xx)", $"{F(l.P50Ms)} / {F(l.P90Ms)} ms"));
            rows.Add(("latency p99 / p99.9 / max (2xx)", $"{F(l.P99Ms)} / {F(l.P999Ms)} / {F(l.MaxMs)} ms"));
        }
        else
        {
            rows.Add(("latency (2xx)", "n/a: no 2xx answer"));
        }
        var non2xx = r.Statuses.Where(kv => kv.Key is < 200 or >= 300).ToList();
        rows.Add(("non-2xx", non2xx.Count == 0 ? "0" : string.Join(", ", non2xx.Select(kv => $"{kv.Key}: {N(kv.Value)}"))));
        if (r.Non2xxLatencyMs is { } f) rows.Add(("latency p50 / p99 (non-2xx)", $"{F(f.P50Ms)} / {F(f.P99Ms)} ms"));
        rows.Add(("no answer (errors)", r.Errors.Count == 0 ? "0" : string.Join(", ", r.Errors.Select(kv => $"{kv.Key}: {N(kv.Value)}"))));

        if (r.Source is { } s)
        {
            var share = s.UnitsRequested > 0 ? $" ({F((double)(s.UnitsAllocated / s.UnitsRequested) * 100, 1)} %)" : "";
            rows.Add(("units requested / allocated / backordered (2xx orders)", $"{N(s.UnitsRequested)} / {N(s.UnitsAllocated)}{share} / {N(s.UnitsBackordered)}"));
            if (s.UnitsSubstituted > 0) rows.Add(("units substituted", N(s.UnitsSubstituted)));
            rows.Add(("reservations released (by status)", $"{N(s.Released.Values.Sum())} ({ByStatus(s.Released)})"));
            rows.Add(("reservations confirmed (by status)", $"{N(s.Confirmed.Values.Sum())} ({ByStatus(s.Confirmed)})"));
            if (s.FollowUpErrors.Count > 0) rows.Add(("release/confirm errors", string.Join(", ", s.FollowUpErrors.Select(kv => $"{kv.Key}: {N(kv.Value)}"))));
            if (s.AllocationsWithoutReservation > 0) rows.Add(("allocations without reservationId", N(s.AllocationsWithoutReservation)));
            if (s.UnreadableDecisions > 0) rows.Add(("2xx answers not readable as a decision", N(s.UnreadableDecisions)));
        }
        if (r.Oversell is { } o)
        {
            var verdict = o.Error is null
                ? $"**{N(o.Oversold)}** of {N(o.Positions)} positions (before the run: {N(o.OversoldBefore)})"
                : $"unknown: {o.Error}";
            rows.Add(("oversold positions (committed > onHand)", verdict));
            if (o.Examples.Count > 0) rows.Add(("oversold, e.g.", string.Join("; ", o.Examples)));
        }
        rows.Add(("stopped by", r.StoppedBy));
        rows.Add(("run id / started", $"{r.RunId} / {r.StartedAt:yyyy-MM-dd HH:mm:ss zzz}"));

        output.WriteLine($"### Load test: {r.Mode}");
        output.WriteLine();
        output.WriteLine("| metric | value |");
        output.WriteLine("| --- | --- |");
        foreach (var (metric, value) in rows) output.WriteLine($"| {metric} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |");
    }

    static string ByStatus(SortedDictionary<int, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(kv => $"{kv.Key}: {N(kv.Value)}"));

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    static string N1(double x) => x.ToString("N1", CultureInfo.InvariantCulture);
    static string N(decimal n) => n.ToString("#,0.##", CultureInfo.InvariantCulture);
    static string F(double x, int digits = 2) => x.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
