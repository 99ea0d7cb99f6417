using CsCheck;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>One hand-made <see cref="RuleInputs"/> and a generator of realistic ones.</summary>
static class ExpressionInputsData
{
    /// <summary>A dairy line for a gold customer at a cold-chain DC on Friday 14 March 2025, 17:30.</summary>
    public static RuleInputs Sample() => new()
    {
        Order = new() { Id = "O-1", Segment = "b2c", ShipToCountry = "DE", ShipToPostalCode = "10115", LineCount = 2, TotalUnits = 6, Value = 180m, RequestedInDays = 1 },
        Line = new() { LineId = "L-1", Sku = "MILK-1L", Quantity = 4, Value = 60m, Margin = 12.5m },
        Item = new() { Sku = "MILK-1L", Category = "dairy", VelocityClass = "A", Perishable = true, ShelfLifeDays = 10, ColdChain = true, UnitCost = 1.1m, UnitPrice = 1.85m },
        Node = new()
        {
            Code = "DC-BER", Type = "dc", Country = "DE", Region = "east", DutyPaid = true, Capabilities = ["cross_dock", "cold_chain"],
            DailyOrderCapacity = 5000, CapacityLeft = 1200, CostPerOrder = 2.4m, CostPerUnit = 0.15m, DistanceKm = 12.5, TransitDays = 1,
            CutoffMet = true, FeedAgeSeconds = 40,
        },
        Position = new() { OnHand = 30, Committed = 18, Available = 12, BurnRate = 4.8, DaysOfSupply = 2.5, RemainingShelfLifeDays = 6 },
        Customer = new() { Id = "C-7", Tier = "gold", Strategic = true, ContractPriority = 3 },
        Context = new() { Now = new DateTime(2025, 3, 14, 17, 30, 0), Hour = 17, DayOfWeek = 5, BurnRateRatio = 1.4 },
    };

    static readonly string[] Skus = ["MILK-1L", "SKU-100", "SKU-2", "BOLT-M8", "ICE-500"];
    static readonly string[] Categories = ["dairy", "frozen", "hardware", "produce"];
    static readonly string[] Tiers = ["standard", "silver", "gold", "platinum", "GOLD"];
    static readonly string[] Countries = ["DE", "FR", "NL", "PL"];
    static readonly string[] NodeTypes = ["dc", "store", "dark_store", "mfc", "3pl"];

    static readonly Gen<decimal> Money = Gen.Int[-500, 100_000].Select(cents => cents / 100m);

    static readonly Gen<OrderInput> Order = Gen.Select(Gen.OneOfConst(Countries), Gen.Int[1, 20], Gen.Long[0, 500], Money, Gen.Int[0, 30], Gen.Bool,
        (country, lines, units, value, days, preOrder) => new OrderInput
        {
            Id = "O", Segment = "b2c", ShipToCountry = country, LineCount = lines, TotalUnits = units, Value = value,
            RequestedInDays = days, PreOrder = preOrder,
        });

    static readonly Gen<LineInput> Line = Gen.Select(Gen.OneOfConst(Skus), Gen.Long[1, 200], Money, Money,
        (sku, quantity, value, margin) => new LineInput { LineId = "L", Sku = sku, Quantity = quantity, Value = value, Margin = margin });

    static readonly Gen<ItemInput> Item = Gen.Select(Gen.OneOfConst(Skus), Gen.OneOfConst(Categories), Gen.OneOfConst("A", "B", "C"),
        Gen.Bool, Gen.Int[0, 60], Gen.Bool, Money, Money,
        (sku, category, velocity, perishable, shelfLife, hazmat, cost, price) => new ItemInput
        {
            Sku = sku, Category = category, VelocityClass = velocity, Perishable = perishable, ShelfLifeDays = perishable ? shelfLife : 0,
            Hazmat = hazmat, ColdChain = category is "dairy" or "frozen", UnitCost = cost, UnitPrice = price,
        });

    static readonly Gen<string[]> Capabilities = Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool,
        (store, dock, cold) => new[] { store ? "ship_from_store" : null, dock ? "cross_dock" : null, cold ? "cold_chain" : null }
            .OfType<string>().ToArray());

    static readonly Gen<NodeInput> Node = Gen.Select(Gen.OneOfConst(NodeTypes), Gen.OneOfConst(Countries), Gen.Bool, Capabilities,
        Gen.Int[0, 2000], Gen.Double[0, 2500], Gen.Int[0, 7], Gen.Double[0, 3600],
        (type, country, dutyPaid, capabilities, capacityLeft, distance, transit, feedAge) => new NodeInput
        {
            Code = "N", Type = type, Country = country, DutyPaid = dutyPaid, Capabilities = capabilities, DailyOrderCapacity = 2000,
            CapacityLeft = capacityLeft, CostPerOrder = 2.5m, CostPerUnit = 0.2m, DistanceKm = distance, TransitDays = transit,
            CutoffMet = transit % 2 == 0, FeedAgeSeconds = feedAge,
        });

    static readonly Gen<PositionInput> Position = Gen.Select(Gen.Long[0, 500], Gen.Long[0, 60], Gen.Double[0, 40], Gen.Int[0, 30],
        (onHand, committed, burnRate, shelfLife) =>
        {
            var available = Math.Max(0, onHand - committed);
            return new PositionInput
            {
                OnHand = onHand, Committed = committed, Available = available, BurnRate = burnRate,
                DaysOfSupply = burnRate == 0 ? 9999 : available / burnRate, RemainingShelfLifeDays = shelfLife,
            };
        });

    static readonly Gen<CustomerInput> Customer = Gen.Select(Gen.OneOfConst(Tiers), Gen.Bool, Gen.Int[0, 5],
        (tier, strategic, priority) => new CustomerInput { Id = "C", Tier = tier, Strategic = strategic, ContractPriority = priority });

    static readonly Gen<ContextInput> Context = Gen.Select(Gen.Int[0, 366 * 24 * 60], Gen.Double[0, 4],
        (minutes, ratio) =>
        {
            var now = new DateTime(2025, 1, 1).AddMinutes(minutes);
            return new ContextInput { Now = now, Hour = now.Hour, DayOfWeek = (int)now.DayOfWeek, Peak = ratio > 2, BurnRateRatio = ratio };
        });

    public static Gen<RuleInputs> Inputs { get; } = Gen.Select(Order, Line, Item, Node, Position, Customer, Context,
        (order, line, item, node, position, customer, context) => new RuleInputs
        {
            Order = order, Line = line, Item = item, Node = node, Position = position, Customer = customer, Context = context,
        });
}
