namespace InventoryRules.Samples.Wire;

/// <summary>A carrier cut-off: days as "mon".."sun", time as "HH:mm" in the node's time zone.</summary>
internal sealed record CutoffDto(string Carrier, IReadOnlyList<string> Days, string Time, string TimeZone);
