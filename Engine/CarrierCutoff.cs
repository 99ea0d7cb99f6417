namespace InventoryRules.Engine;

/// <summary>A carrier's last pick-up at a node on the given weekdays, in the node's time zone.</summary>
public sealed record CarrierCutoff(string Carrier, IReadOnlyList<DayOfWeek> Days, TimeOnly Time, string TimeZone);
