namespace InventoryRules.LoadTest;

/// <summary>The --json file: settings, what was discovered, the measured figures; scripts/load.sh reads it.</summary>
sealed record RunReport
{
    public required string Mode { get; init; }
    public required string Endpoint { get; init; }
    public required string Url { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required int Clients { get; init; }
    public required int WarmupSeconds { get; init; }
    public required int DurationSeconds { get; init; }
    public required long MaxRequests { get; init; }
    public required string Segment { get; init; }
    public required string Lines { get; init; }
    public required int Seed { get; init; }
    public required DiscoveryReport Discovery { get; init; }
    public required long WarmupRequests { get; init; }
    public required long Requests { get; init; }
    public required long Ok { get; init; }
    public required double Seconds { get; init; }
    public required double RequestsPerSecond { get; init; }
    public required double OkPerSecond { get; init; }
    /// <summary>Over 2xx answers.</summary>
    public LatencySummary? LatencyMs { get; init; }
    public LatencySummary? Non2xxLatencyMs { get; init; }
    /// <summary>Every answer of the measured phase by HTTP status, 2xx included.</summary>
    public required SortedDictionary<int, long> Statuses { get; init; }
    public required SortedDictionary<string, long> Errors { get; init; }
    public SourceReport? Source { get; init; }
    public OversellResult? Oversell { get; init; }
    public required string StoppedBy { get; init; }
}

sealed record DiscoveryReport(int Nodes, long Positions, long StockedPositions, IReadOnlyList<string> Countries, int StockedSkus);

/// <summary>Source mode's tally (measured phase): units, reservations, follow-up calls by status.</summary>
sealed record SourceReport(
    long Orders,
    long UnitsRequested,
    decimal UnitsAllocated,
    decimal UnitsBackordered,
    decimal UnitsSubstituted,
    long Reservations,
    long AllocationsWithoutReservation,
    long UnreadableDecisions,
    SortedDictionary<int, long> Released,
    SortedDictionary<int, long> Confirmed,
    SortedDictionary<string, long> FollowUpErrors)
{
    public static SourceReport From(SourceTally t) => new(t.Orders, t.UnitsRequested, t.UnitsAllocated, t.UnitsBackordered, t.UnitsSubstituted, t.Reservations,
        t.AllocationsWithoutReservation, t.UnreadableDecisions, new(t.Released), new(t.Confirmed), new(t.FollowUpErrors));
}
