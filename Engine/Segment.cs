namespace InventoryRules.Engine;

/// <summary>
/// A customer segment. A node whose feed is older than <see cref="FreshnessTolerance"/> does not
/// serve this segment's promises.
/// </summary>
public sealed record Segment(string Code, string Name, TimeSpan FreshnessTolerance, double ServiceLevel);
