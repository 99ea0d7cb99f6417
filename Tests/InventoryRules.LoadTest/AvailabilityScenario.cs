using System.Diagnostics;
using System.Text.Json;

namespace InventoryRules.LoadTest;

/// <summary>P4: <c>POST /v1/availability</c> for 1..n lines near a node; the answer is read but not parsed.</summary>
sealed class AvailabilityScenario(ServiceClient service) : IScenario
{
    public string Endpoint => "POST /v1/availability";

    public async Task RunOnceAsync(OrderGenerator orders, ClientStats stats, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(orders.NextQuestion(), LoadJson.Default.AvailabilityRequest);
        var start = Stopwatch.GetTimestamp();
        using var response = await service.PostAsync("/v1/availability", body, ct);
        stats.Answered(response.StatusCode, start, Stopwatch.GetTimestamp());
    }
}
