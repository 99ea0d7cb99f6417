namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>Expressions as planners write them, with what each gives for <see cref="ExpressionInputsData.Sample"/>.</summary>
static class SampleExpressions
{
    public static readonly (string Text, bool Expected)[] Conditions =
    [
        ("item.VelocityClass == \"A\" && position.DaysOfSupply < 3", true),
        ("node.Capabilities.Contains(\"cold_chain\")", true),
        ("item.Category in (\"dairy\", \"frozen\")", true),
        ("customer.Tier in (\"gold\", \"platinum\") && !item.Hazmat", true),
        ("context.Hour >= 16", true),
        ("context.Now.AddDays(2) > context.Now", true),
        ("item.Sku.StartsWith(\"MILK\")", true),
        ("item.Sku.EndsWith(\"-1L\") and not node.DutyPaid", false),
        ("node.Country == order.ShipToCountry || node.DutyPaid", true),
        ("position.Available >= line.Quantity and node.CutoffMet", true),
        ("string.Equals(customer.Tier, \"GOLD\", StringComparison.OrdinalIgnoreCase)", true),
        ("item.Perishable && position.RemainingShelfLifeDays < item.ShelfLifeDays / 3", false),
        ("context.Now.DayOfWeek == DayOfWeek.Friday || context.Peak", true),
        ("(context.Now - context.Now.Date).TotalHours > 17.25", true),
        ("node.Type != \"store\" && node.CapacityLeft > 0 && node.FeedAgeSeconds < 300", true),
        ("node.Capabilities.Count >= 2 && item.Sku.Length == 7", true),
        ("item.Sku.ToLower().Contains(\"milk\")", true),
        ("np(customer.Tier) == \"gold\"", true),
        ("iif(item.Perishable, position.RemainingShelfLifeDays > 5, true)", true),
        ("Math.Abs(position.DaysOfSupply - 3) < 1 || order.PreOrder", true),
        ("item.Category != \"System.Environment\" && node.Type != \"new\"", true), // hostile words inside text are just text
        ("context.Now < DateTime(\"2025-12-24\") && context.Now.AddHours(6).Date == context.Now.Date", true),
    ];

    public static readonly (string Text, double Expected)[] Scores =
    [
        ("Math.Max(0, position.Available - 5) * 1.5", 10.5),
        ("customer.Tier == \"gold\" ? 100 : 10", 100),
        ("customer.ContractPriority * 100 + line.Margin", 312.5),
        ("node.Type == \"store\" ? 2 : 0", 0),
        ("node.TransitDays * 2 + node.DistanceKm / 100", 2.125),
        ("position.OnHand / 4", 7), // long division, as in RulesEngine
        ("position.OnHand / 4.0", 7.5),
        ("position.Available / position.BurnRate", 2.5),
        ("Math.Round(item.Margin * 1.1m, 2)", 0.82), // 0.825 rounds to even
        ("iif(item.Perishable, position.RemainingShelfLifeDays, 999) - context.BurnRateRatio * 10", -8),
        ("Math.Min(position.DaysOfSupply, 30) + Math.Floor(2.7) + Math.Ceiling(0.2)", 5.5),
        ("Math.Pow(position.BurnRate, 2) > 20 ? Math.Sqrt(16) : Math.Log(1)", 4),
        ("-line.Margin + order.RequestedInDays", -11.5),
        ("position.OnHand % 7", 2),
    ];
}
