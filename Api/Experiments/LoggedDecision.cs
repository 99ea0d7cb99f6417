using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Experiments;

/// <summary>A logged source decision, read back for an experiment: what was asked, what it saw, what was answered
/// (when read) and under which arm.</summary>
public sealed record LoggedDecision(string Id, long CreatedAt, string? Arm, DecisionRequest Request, DecisionSnapshot Snapshot, Decision? Result);
