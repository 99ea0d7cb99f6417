namespace InventoryRules.Api.Experiments;

/// <summary>The bodies the experiments API reads; every field optional here so that a missing one is reported by name.</summary>
public static class ExperimentBodies
{
    public sealed record WindowBody(DateTimeOffset? From, DateTimeOffset? To);

    public sealed record Create(string? Name, string? Segment, string? ControlRuleSetId, string? VariantRuleSetId, double? TrafficShare,
        WindowBody? Window, string? AssignmentKey);

    public sealed record Replay(DateTimeOffset? From, DateTimeOffset? To);
}
