using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Customer segments: the fresher the stock picture a segment needs, the shorter its tolerance for a
/// node whose feed has gone quiet.
/// </summary>
internal static class SegmentCatalogue
{
    public static IReadOnlyList<Segment> All { get; } =
    [
        new("retail", "Retail stores (walk-in and click-and-collect)", TimeSpan.FromSeconds(900), 0.95),
        new("ecommerce", "E-commerce home delivery", TimeSpan.FromSeconds(300), 0.97),
        new("vip", "VIP members", TimeSpan.FromSeconds(60), 0.99),
        new("b2b", "B2B and strategic accounts", TimeSpan.FromSeconds(3600), 0.98),
        new("cold_chain", "Chilled and frozen deliveries", TimeSpan.FromSeconds(300), 0.96),
        new("international", "International and cross-border", TimeSpan.FromSeconds(1800), 0.90),
    ];
}
