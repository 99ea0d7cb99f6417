using System.Text.Json;

namespace InventoryRules.Api.Jobs;

/// <summary>A row of job_runs.</summary>
public sealed class JobRunRecord
{
    public string Id { get; init; } = "";
    public string Job { get; init; } = "";
    public string Occurrence { get; init; } = "";
    public string? Argument { get; init; }
    public string Status { get; init; } = "";
    public long StartedAt { get; init; }
    public long HeartbeatAt { get; init; }
    public long? FinishedAt { get; init; }
    public int Attempts { get; init; }
    public string? Checkpoint { get; init; }
    public long Done { get; init; }
    public long? Total { get; init; }
    public string Summary { get; init; } = "{}";
    public string Report { get; init; } = "[]";
    public string? Message { get; init; }

    public static IReadOnlyDictionary<string, long> ReadSummary(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [];

    public static IReadOnlyList<string> ReadReport(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
