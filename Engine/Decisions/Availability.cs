namespace InventoryRules.Engine.Decisions;

/// <summary>What can be promised per line: now and, with in-transit supply, by a date.</summary>
public sealed record AvailabilityAnswer(
    string RuleSetId,
    long RuleSetVersion,
    IReadOnlyList<LineAvailability> Lines,
    IReadOnlyList<string> Explanation);

/// <summary>The network view of one line plus each eligible node's part.</summary>
public sealed record LineAvailability(
    string Sku,
    long Requested,
    long NetworkAvailable,
    long NetworkAvailableByDate,
    DateTimeOffset? EarliestPromiseDate,
    IReadOnlyList<NodeAvailability> Nodes);

/// <summary>
/// One node's part: available now and its promise date for it (none when nothing is available now);
/// supply that arrives later, each with the date it can be promised.
/// </summary>
public sealed record NodeAvailability(
    string Node,
    long AvailableNow,
    DateTimeOffset? PromiseDate,
    long AvailableByDate,
    IReadOnlyList<FutureAvailability> Future);

/// <summary>Supply that can be promised from <see cref="PromiseDate"/> on (ETA + lead time + transit).</summary>
public sealed record FutureAvailability(long Quantity, DateTimeOffset AvailableAt, DateTimeOffset PromiseDate, string Reference);
