using InventoryRules.Rules.Background.Reorder;

namespace InventoryRules.Rules.Tests.Background;

/// <summary>Perishable reorder triggers by remaining shelf life, net of what is already ordered, and short-dated lots.</summary>
public class PerishableReorderingTests
{
    static ReorderCheck Yoghurt(bool triggered = true, long quantity = 30, bool perishable = true, string node = "DS-1") =>
        new("SKU-YOG", node, "cold_chain", "ro-dairy", perishable, triggered, quantity, 18, 50, 20, 0, 8, 3);

    [Test]
    public void Run_TriggeredPerishable_OrdersTheQuantity()
    {
        var report = PerishableReordering.Run([Yoghurt()], [], []);

        report.Orders.Should().ContainSingle().Which.Quantity.Should().Be(30);
        report.Lines.Should().Equal("SKU-YOG at DS-1: order 30 (ro-dairy: available 20 + inbound 0 at or below 18 with 8 days of shelf life left)");
    }

    [Test]
    public void Run_OpenReplenishment_IsNettedOut()
    {
        var report = PerishableReordering.Run([Yoghurt()], [new OpenReplenishment("PO-1", "SKU-YOG", "DS-1", 12)], []);

        report.Orders.Single().Should().Match<ReorderOrder>(o => o.Quantity == 18 && o.AlreadyOrdered == 12);
    }

    [Test]
    public void Run_Twice_OrdersOnce()
    {
        var first = PerishableReordering.Run([Yoghurt()], [], []);
        var again = PerishableReordering.Run([Yoghurt()], [.. first.Orders.Select(o => new OpenReplenishment("PO-NEW", o.Check.Sku, o.Check.Node, o.Quantity))], []);

        again.Orders.Should().BeEmpty();
        again.Covered.Should().ContainSingle().Which.AlreadyOrdered.Should().Be(30);
    }

    [Test]
    public void Run_NotTriggeredOrNotPerishable_OrdersNothing()
    {
        PerishableReordering.Run([Yoghurt(triggered: false, quantity: 0), Yoghurt(perishable: false, node: "DC-1")], [], []).Orders.Should().BeEmpty();
    }

    [Test]
    public void Run_LotsUnderTheMinimum_AreReportedForMarkdown()
    {
        var report = PerishableReordering.Run([Yoghurt(triggered: false, quantity: 0)],
            [], [new ShelfLot("SKU-YOG", "DS-1", "LOT-OLD", 40, 2), new ShelfLot("SKU-YOG", "DS-1", "LOT-NEW", 20, 8)]);

        report.ShortDated.Should().ContainSingle().Which.Lot.LotId.Should().Be("LOT-OLD");
        report.Lines.Single().Should().Be("LOT-OLD of SKU-YOG at DS-1: 40 units with 2 days left, under the 3-day minimum of rule ro-dairy: not counted as available; mark down or write off");
    }
}
