using System.Net;
using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>Starts a job over the API and waits for its run to succeed, through failed attempts that are retried.</summary>
public static class JobRuns
{
    public static Dictionary<string, string?> ServerOn(params string[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Jobs:Server"] = "true", ["Jobs:PollMilliseconds"] = "200" };
        foreach (var job in new[] { "reservation-expiry", "anomaly-scan", "accuracy-rollup", "retention" }) settings[$"Jobs:Schedules:{job}"] = "off";
        for (var i = 0; i + 1 < extra.Length; i += 2) settings[extra[i]] = extra[i + 1];
        return settings;
    }

    public static async Task<JsonElement> RunAsync(HttpClient operatorClient, string job, int timeoutSeconds = 30)
    {
        var before = await LastRunIdAsync(operatorClient, job);
        using (var trigger = await operatorClient.PostAsync($"/v1/jobs/{job}/trigger", null))
        {
            trigger.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var listed = (await operatorClient.GetJsonAsync("/v1/jobs")).EnumerateArray().Single(j => j.Str("name") == job);
            if (listed.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.Str("runId") != before
                && run.Str("status") == "succeeded")
            {
                return run;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{job} did not succeed within {timeoutSeconds} s: {listed}");
            await Task.Delay(200);
        }
    }

    static async Task<string?> LastRunIdAsync(HttpClient operatorClient, string job)
    {
        var listed = (await operatorClient.GetJsonAsync("/v1/jobs")).EnumerateArray().Single(j => j.Str("name") == job);
        return listed.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run ? run.Str("runId") : null;
    }
}
