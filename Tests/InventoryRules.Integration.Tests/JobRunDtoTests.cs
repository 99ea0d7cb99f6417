using FluentAssertions;
using InventoryRules.Api.Data;
using InventoryRules.Api.Jobs;

namespace InventoryRules.Integration.Tests;

/// <summary>A run left "running" by an instance that stopped reads as stale once its heartbeat is older than the limit.</summary>
public sealed class JobRunDtoTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [TestCase("running", 300, true)]
    [TestCase("running", 30, false)]
    [TestCase("succeeded", 300, false)]
    [TestCase("failed", 300, false)]
    public void Stale_OnlyRunningWithAnOldHeartbeat(string status, int heartbeatSecondsAgo, bool stale)
    {
        var record = new JobRunRecord
        {
            Id = "run-1", Job = "retention", Occurrence = "o", Status = status, StartedAt = Instants.ToMicros(Now.AddHours(-1)),
            HeartbeatAt = Instants.ToMicros(Now.AddSeconds(-heartbeatSecondsAgo)), Attempts = 1,
        };

        JobRunDto.From(record, staleBefore: Now.AddSeconds(-120)).Stale.Should().Be(stale);
    }
}
