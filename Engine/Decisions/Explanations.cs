namespace InventoryRules.Engine.Decisions;

/// <summary>
/// The trace told briefly, in the order a planner reads it: which rules governed, which nodes were left
/// out and why (once per reason, naming the nodes; a line only when the reason holds for some lines and
/// not others), what each line got, why this plan, how it ships.
/// </summary>
internal static class Explanations
{
    const string Excluded = " excluded: ";
    const int NodesNamed = 8;

    /// <param name="servedSomeLine">Nodes that were eligible for at least one line: their exclusions name the line.</param>
    public static IReadOnlyList<string> From(IReadOnlyList<TraceEntry> trace, IReadOnlySet<string> servedSomeLine)
    {
        var explanation = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var exclusions = Exclusions(trace, servedSomeLine);
        var exclusionsWritten = false;
        foreach (var entry in trace)
        {
            if (entry.Step == TraceSteps.Excluded)
            {
                if (!exclusionsWritten) explanation.AddRange(exclusions);
                exclusionsWritten = true;
                continue;
            }
            var text = entry.Step switch
            {
                TraceSteps.Candidates or TraceSteps.Hold or TraceSteps.SafetyStock or TraceSteps.Routing => null,
                TraceSteps.Allocated => $"line {entry.LineId}: {entry.Message.Split(':')[0]}" + (entry.RuleId is null ? "" : $" (routing rule {entry.RuleId})"),
                TraceSteps.Late => $"line {entry.LineId}: {entry.Message}",
                TraceSteps.Substituted or TraceSteps.Backordered or TraceSteps.Rejected or TraceSteps.Shortfall when entry.LineId is not null
                    => $"line {entry.LineId}: {entry.Message}",
                _ => entry.Message,
            };
            if (text is not null && seen.Add(text)) explanation.Add(text);
        }
        return explanation;
    }

    /// <summary>"A, B and C excluded: reason" per reason; "D excluded for line 2: reason" where it varies by line.</summary>
    static List<string> Exclusions(IReadOnlyList<TraceEntry> trace, IReadOnlySet<string> servedSomeLine)
    {
        var byReason = new Dictionary<string, Dictionary<string, List<string?>>>(StringComparer.Ordinal);
        var reasons = new List<string>();
        foreach (var entry in trace)
        {
            if (entry.Step != TraceSteps.Excluded || entry.Node is null) continue;
            var at = entry.Message.IndexOf(Excluded, StringComparison.Ordinal);
            var reason = at >= 0 ? entry.Message[(at + Excluded.Length)..] : entry.Message;
            if (!byReason.TryGetValue(reason, out var nodes))
            {
                byReason[reason] = nodes = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
                reasons.Add(reason);
            }
            if (!nodes.TryGetValue(entry.Node, out var lines)) nodes[entry.Node] = lines = [];
            if (!lines.Contains(entry.LineId)) lines.Add(entry.LineId);
        }
        var reasonsPerNode = byReason.Values.SelectMany(n => n.Keys).GroupBy(n => n, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var texts = new List<string>();
        foreach (var reason in reasons)
        {
            var nodes = byReason[reason];
            // A node that served no line and is out for one reason only is out for the whole order; otherwise name the lines.
            var whole = nodes.Where(n => !servedSomeLine.Contains(n.Key) && reasonsPerNode[n.Key] == 1).Select(n => n.Key).ToList();
            if (whole.Count > 0) texts.Add($"{List(whole)}{Excluded}{reason}");
            foreach (var (node, lines) in nodes.Where(n => !whole.Contains(n.Key)))
            {
                texts.Add($"{node} excluded for line{(lines.Count > 1 ? "s" : "")} {string.Join(", ", lines)}: {reason}");
            }
        }
        return texts;
    }

    static string List(List<string> nodes) =>
        nodes.Count == 1 ? nodes[0]
        : nodes.Count <= NodesNamed ? $"{string.Join(", ", nodes.Take(nodes.Count - 1))} and {nodes[^1]}"
        : $"{string.Join(", ", nodes.Take(NodesNamed))} and {nodes.Count - NodesNamed} more";
}
