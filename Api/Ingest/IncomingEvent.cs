using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>One element of a posted batch: parsed, or why it could not be, with its JSON as sent.</summary>
public sealed record IncomingEvent(int Index, EventInput? Input, EventRejection? ParseError, string Raw);
