using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace InventoryRules.LoadTest;

/// <summary>
/// P3: <c>POST /v1/orders/{id}/source</c> with a new order id, latency measured around that call only.
/// Then each reservation is released (about 70 %) or confirmed (the rest), so stock drains slowly
/// enough to last the run while committed stock still moves both ways; those calls are tallied by
/// status apart from the measured ones.
/// </summary>
sealed class SourceScenario(ServiceClient service) : IScenario
{
    const double ReleaseShare = 0.70;

    public string Endpoint => "POST /v1/orders/{orderId}/source";

    public async Task RunOnceAsync(OrderGenerator orders, ClientStats stats, CancellationToken ct)
    {
        var order = orders.NextOrder(out var orderId, out var units);
        var body = JsonSerializer.SerializeToUtf8Bytes(order, LoadJson.Default.SourceRequest);
        var start = Stopwatch.GetTimestamp();
        SourceDecision? decision;
        using (var response = await service.PostAsync($"/v1/orders/{Uri.EscapeDataString(orderId)}/source", body, ct))
        {
            stats.Answered(response.StatusCode, start, Stopwatch.GetTimestamp());
            if (!response.IsSuccessStatusCode) return;
            try
            {
                decision = await response.Content.ReadFromJsonAsync(LoadJson.Default.SourceDecision, ct);
            }
            catch (JsonException)
            {
                decision = null;
            }
        }

        var tally = stats.Source;
        tally.Orders++;
        tally.UnitsRequested += units;
        if (decision?.Lines is not { } lines)
        {
            tally.UnreadableDecisions++;
            return;
        }
        foreach (var line in lines)
        {
            tally.UnitsBackordered += line.Backordered;
            foreach (var allocation in line.Allocations ?? [])
            {
                tally.UnitsAllocated += allocation.Quantity;
                await SettleAsync(allocation, orders.Random, tally, ct);
            }
            foreach (var substitute in line.Substitutions ?? [])
            {
                tally.UnitsSubstituted += substitute.Quantity;
                await SettleAsync(substitute, orders.Random, tally, ct);
            }
        }
    }

    /// <summary>Releases or confirms the reservation behind an allocation, if it has one.</summary>
    async Task SettleAsync(Allocation allocation, Random random, SourceTally tally, CancellationToken ct)
    {
        if (ReservationId(allocation) is not { } reservation)
        {
            tally.AllocationsWithoutReservation++;
            return;
        }
        tally.Reservations++;
        var release = random.NextDouble() < ReleaseShare;
        await FollowUpAsync(reservation, release ? "release" : "confirm", release ? tally.Released : tally.Confirmed, tally, ct);
    }

    async Task FollowUpAsync(string reservation, string action, Dictionary<int, long> byStatus, SourceTally tally, CancellationToken ct)
    {
        try
        {
            using var response = await service.PostAsync($"/v1/reservations/{Uri.EscapeDataString(reservation)}/{action}", null, ct);
            byStatus.Increment((int)response.StatusCode);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            tally.FollowUpErrors.Increment($"{action}: {ClientStats.Describe(e)}");
        }
    }

    static string? ReservationId(Allocation allocation) => allocation.ReservationId switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };
}
