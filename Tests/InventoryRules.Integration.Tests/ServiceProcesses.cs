using NUnit.Framework.Interfaces;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The child service processes a test started. <see cref="StopAllAsync"/> (from the test's teardown) kills
/// them all and, when the test failed, writes each one's last output beside the failure.
/// </summary>
public sealed class ServiceProcesses : List<ServiceProcess>
{
    public async Task StopAllAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        foreach (var service in this)
        {
            await service.DisposeAsync();
            if (failed) await TestContext.Out.WriteLineAsync(service.Output);
        }
        Clear();
    }
}
