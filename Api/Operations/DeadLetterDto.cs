using System.Text.Json;

namespace InventoryRules.Api.Operations;

/// <summary>A refused event kept for inspection and replay, with its JSON exactly as sent.</summary>
public sealed record DeadLetterDto(
    long Id, DateTimeOffset ReceivedAt, int BatchIndex, string? Source, string? EventId, string Code, string Field,
    string Message, JsonElement? Payload, string RawPayload, string Status, int Attempts, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? ReplayedAt, string? ReplayOutcome);
