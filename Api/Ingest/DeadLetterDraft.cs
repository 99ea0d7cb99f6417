namespace InventoryRules.Api.Ingest;

/// <summary>A refused event on its way to the dead-letter store, with the JSON exactly as it was sent.</summary>
public sealed record DeadLetterDraft(int BatchIndex, string? Source, string? EventId, string Code, string Field, string Message, string Payload);
