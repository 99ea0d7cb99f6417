namespace InventoryRules.Api.Jobs;

/// <summary>The states of a run in job_runs.</summary>
public static class JobRunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
