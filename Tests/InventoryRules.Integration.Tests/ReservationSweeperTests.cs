using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>The reservation-expiry job, on its schedule: due soft reservations become expired and their units leave committed.</summary>
public sealed class ReservationSweeperTests(string provider) : DecisionFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:Server"] = "true", ["Jobs:PollMilliseconds"] = "200", ["Jobs:Schedules:reservation-expiry"] = "*/1 * * * * *",
    };

    [Test]
    public async Task Sweeper_DueSoftReservation_ExpiredAndCommittedGivenBack()
    {
        var sku = await StockedItemAsync(6);
        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 6, ttl: 1));
        Allocated(answer).Should().Be(6, answer.ToString());

        var deadline = DateTime.UtcNow.AddSeconds(15);
        long committed;
        do
        {
            await Task.Delay(500);
            committed = (await Integration.PositionAsync(sku, Dc)).Long("committed");
        }
        while (committed != 0 && DateTime.UtcNow < deadline);

        committed.Should().Be(0, "the sweeper gives expired units back");
        (await Oms.GetJsonAsync($"/v1/reservations/{ReservationIds(answer).Single()}")).Str("status").Should().Be("expired");
    }
}
