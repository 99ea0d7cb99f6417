using System.Data.Common;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// One run of a job for one occurrence, as the job sees it: where a resumed run left off, counters of what
/// it matched and did, and the first lines of its report. Counters and report are saved with each
/// checkpoint, so a resumed run goes on counting from the last batch that committed.
/// </summary>
public sealed class JobRun
{
    /// <summary>Report lines kept per run; the counters keep the totals.</summary>
    public const int MaxReportLines = 200;

    readonly JobRunRepository runs;
    readonly SortedDictionary<string, long> summary;
    readonly List<string> report;

    internal JobRun(JobRunRepository runs, JobRunRecord record)
    {
        this.runs = runs;
        Id = record.Id;
        Job = record.Job;
        Occurrence = record.Occurrence;
        Argument = record.Argument;
        Checkpoint = record.Checkpoint;
        Attempt = record.Attempts;
        Done = record.Done;
        Total = record.Total;
        summary = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (counter, value) in JobRunRecord.ReadSummary(record.Summary)) summary[counter] = value;
        report = [.. JobRunRecord.ReadReport(record.Report)];
    }

    public string Id { get; }

    public string Job { get; }

    public string Occurrence { get; }

    /// <summary>What the trigger passed (an experiment id, a rule set id); null for recurring runs.</summary>
    public string? Argument { get; }

    /// <summary>Where the last committed batch ended; null on a fresh run.</summary>
    public string? Checkpoint { get; private set; }

    /// <summary>1 on the first attempt; more when a killed or failed run is resumed.</summary>
    public int Attempt { get; }

    public long Done { get; private set; }

    public long? Total { get; private set; }

    public IReadOnlyDictionary<string, long> Summary => summary;

    public IReadOnlyList<string> Report => report;

    public void Count(string counter, long by = 1) => summary[counter] = summary.GetValueOrDefault(counter) + by;

    public void Note(string line)
    {
        if (report.Count < MaxReportLines) report.Add(line);
    }

    /// <summary>
    /// Saves the checkpoint, progress, counters and report in <paramref name="tx"/>: the transaction that
    /// writes the batch they describe, so both commit or neither does.
    /// </summary>
    public async Task SaveAsync(DbTransaction tx, string? checkpoint, long done, long? total, CancellationToken ct)
    {
        await runs.SaveAsync(tx, Id, checkpoint, done, total, summary, report, ct);
        Checkpoint = checkpoint;
        Done = done;
        Total = total;
    }

    /// <summary>Progress for work that writes nothing per batch (a replay that computes, a scan that only reads).</summary>
    public async Task ProgressAsync(long done, long? total, CancellationToken ct)
    {
        await runs.ProgressAsync(Id, done, total, summary, report, ct);
        Done = done;
        Total = total;
    }
}
