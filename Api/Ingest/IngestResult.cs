namespace InventoryRules.Api.Ingest;

/// <summary>The answer to a batch (API.md, Events).</summary>
public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected);

/// <summary>One refused event: where it stood in the batch, why, and its dead letter.</summary>
public sealed record RejectedEvent(int Index, string? EventId, string Code, string Field, string Message);
