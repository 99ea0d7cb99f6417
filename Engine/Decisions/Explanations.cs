namespace InventoryRules.Engine.Decisions;

/// <summary>
/// The trace told briefly, in the order a planner reads it: which rules governed, which nodes were left
/// out and why (once per node and reason, not once per line), what each line got, how it ships.
/// </summary>
internal static class Explanations
{
    public static IReadOnlyList<string> From(IReadOnlyList<TraceEntry> trace, int nodeCount)
    {
        var explanation = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in trace)
        {
            var text = entry.Step switch
            {
                TraceSteps.Candidates or TraceSteps.Hold or TraceSteps.SafetyStock or TraceSteps.Routing => null,
                TraceSteps.Allocated => $"line {entry.LineId}: {entry.Message.Split(':')[0]}",
                TraceSteps.Substituted or TraceSteps.Backordered or TraceSteps.Rejected when entry.LineId is not null => $"line {entry.LineId}: {entry.Message}",
                _ => entry.Message,
            };
            if (text is not null && seen.Add(text)) explanation.Add(text);
        }
        return explanation;
    }
}
