using Dapper;
using FluentAssertions;
using Npgsql;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// Two real service instances on one PostgreSQL, both running Hangfire servers: each occurrence of a
/// recurring job becomes one Hangfire job and one run, never two.
/// </summary>
public sealed class RecurringRunOnceTests
{
    const string Job = "reservation-expiry";

    readonly ServiceProcesses services = [];

    [TearDown]
    public async Task StopServices()
    {
        await services.StopAllAsync();
    }

    [Test]
    public async Task RecurringJob_TwoInstances_EachOccurrenceRunsOnce()
    {
        var store = await Store.CreateAsync(Store.Postgres, "runonce");
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:PollMilliseconds"] = "200", ["Jobs:Schedules:" + Job] = "*/2 * * * * *",
        };
        services.Add(await ServiceProcess.StartAsync(store, settings));
        services.Add(await ServiceProcess.StartAsync(store, settings));

        await using var conn = new NpgsqlConnection(store.ConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hangfire.server") < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);
        (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hangfire.server")).Should().Be(2, "both instances run a Hangfire server");
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(12));
        foreach (var service in services) await service.DisposeAsync();

        // Hangfire's side: one background job per scheduled instant of the recurring job.
        var hangfireJobs = (await conn.QueryAsync<string>("""
            SELECT p.value FROM hangfire.jobparameter p JOIN hangfire.job j ON j.id = p.jobid
            WHERE p.name = 'Time' AND j.arguments::text LIKE '%reservation-expiry%'
            """)).ToList();
        hangfireJobs.Should().NotBeEmpty();
        hangfireJobs.Should().OnlyHaveUniqueItems("one Hangfire job per occurrence, whichever instance scheduled it");

        // Ours: one run per occurrence, each taken on its first attempt, and every occurrence after both started ran.
        var runs = (await conn.QueryAsync<(string Occurrence, string Status, int Attempts)>(
            "SELECT occurrence, status, attempts FROM job_runs WHERE job = @Job", new { Job })).ToList();
        var settled = runs.Where(r => DateTimeOffset.Parse(r.Occurrence, System.Globalization.CultureInfo.InvariantCulture) > since).ToList();
        settled.Count.Should().BeGreaterThanOrEqualTo(4, "a run every 2 seconds for 12 seconds");
        runs.Select(r => r.Occurrence).Should().OnlyHaveUniqueItems();
        settled.Should().OnlyContain(r => r.Attempts == 1, "no occurrence was started by both instances");
        // Jobs enqueued in the last instants before the instances stopped may not have started.
        runs.Count.Should().BeInRange(hangfireJobs.Count - 2, hangfireJobs.Count, "every Hangfire job of the recurring job made at most one run");
    }
}
