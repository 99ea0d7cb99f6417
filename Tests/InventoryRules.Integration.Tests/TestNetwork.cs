using System.Net.Http.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// A small network for ledger tests: two items (one sold in cases of 12), a DC whose WMS is
/// authoritative for counts, a store whose POS is authoritative for sales, and a second store.
/// </summary>
public static class TestNetwork
{
    public const string Milk = "SKU-MILK";
    public const string Soap = "SKU-SOAP";
    public const string Dc = "DC-1";
    public const string Shop = "ST-1";
    public const string Shop2 = "ST-2";
    public const string Wms = "WMS-1";
    public const string Pos = "POS";

    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static async Task LoadAsync(HttpClient integration)
    {
        (await integration.PutAsJsonAsync("/v1/segments", new[]
        {
            new { code = "retail", name = "Retail", freshnessToleranceSeconds = 900, serviceLevel = 0.95 },
        })).Should().BeSuccessful();
        (await integration.PutAsJsonAsync("/v1/items", new object[]
        {
            new { sku = Milk, description = "Whole milk 1L", category = "dairy", velocityClass = "A", units = new Dictionary<string, int> { ["each"] = 1, ["case"] = 12 },
                  perishable = true, shelfLifeDays = 14, coldChain = true, unitCost = 0.6m, unitPrice = 1.19m },
            new { sku = Soap, description = "Hand soap", category = "household", velocityClass = "C", units = new Dictionary<string, int> { ["case"] = 6 },
                  unitCost = 1.1m, unitPrice = 2.49m },
        })).Should().BeSuccessful();
        (await integration.PutAsJsonAsync("/v1/nodes", new object[]
        {
            new { code = Dc, name = "DC one", type = "dc", country = "DE", dutyPaid = true, capabilities = new[] { "cross_dock" },
                  dailyOrderCapacity = 500, costPerOrder = 3.5m, costPerUnit = 0.4m, authoritativeSources = new Dictionary<string, string> { ["cycle_count"] = Wms } },
            new { code = Shop, name = "Store one", type = "store", country = "DE", dutyPaid = true, capabilities = new[] { "ship_from_store" },
                  dailyOrderCapacity = 40, costPerOrder = 5m, costPerUnit = 0.8m, authoritativeSources = new Dictionary<string, string> { ["sale"] = Pos } },
            new { code = Shop2, name = "Store two", type = "store", country = "CH", dutyPaid = true, dailyOrderCapacity = 40, costPerOrder = 5m, costPerUnit = 0.8m },
        })).Should().BeSuccessful();
    }
}

/// <summary>Each test takes items of its own, so tests sharing a store never see each other's stock.</summary>
public static class Items
{
    public static async Task<string> NewAsync(HttpClient integration, int casePack = 12)
    {
        var sku = $"SKU-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        (await integration.PutAsJsonAsync("/v1/items", new[]
        {
            new { sku, description = "Test item", category = "grocery", velocityClass = "B",
                  units = new Dictionary<string, int> { ["each"] = 1, ["case"] = casePack }, unitCost = 1m, unitPrice = 2m },
        })).Should().BeSuccessful();
        return sku;
    }
}
