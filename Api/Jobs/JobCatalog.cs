namespace InventoryRules.Api.Jobs;

/// <summary>Every job the service knows, by name, with the schedule configuration gives it.</summary>
public sealed class JobCatalog(IEnumerable<IInventoryJob> jobs, Microsoft.Extensions.Options.IOptions<JobsOptions> options)
{
    public const string Off = "off";

    readonly IReadOnlyDictionary<string, IInventoryJob> byName = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public IEnumerable<IInventoryJob> All => byName.Values.OrderBy(j => j.Kind).ThenBy(j => j.Name, StringComparer.Ordinal);

    public IInventoryJob? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The cron a recurring job runs on, or null when it is off (or triggered).</summary>
    public string? ScheduleOf(IInventoryJob job)
    {
        if (job.Kind != JobKind.Recurring) return null;
        var cron = options.Value.Schedules.TryGetValue(job.Name, out var configured) ? configured : job.DefaultSchedule;
        return string.IsNullOrWhiteSpace(cron) || string.Equals(cron, Off, StringComparison.OrdinalIgnoreCase) ? null : cron.Trim();
    }
}
