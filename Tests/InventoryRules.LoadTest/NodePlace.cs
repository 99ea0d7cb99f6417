namespace InventoryRules.LoadTest;

/// <summary>Where a node stands: ship-to addresses are drawn near one of these.</summary>
readonly record struct NodePlace(string Code, double Latitude, double Longitude);
