using System.Globalization;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// A reorder rule's verdict at one position for one segment's rule set: the reorder point as the rule's
/// expression gives it and as lowered for the shelf life left, the order-up-to level, what counts as
/// available (lots under the rule's minimum remaining shelf life do not), inbound supply, and the quantity
/// to order when triggered. Keyed by (Sku, Node, Segment).
/// </summary>
public readonly record struct ReorderFigure(
    string Sku,
    string Node,
    string Segment,
    string RuleId,
    bool Triggered,
    double BaseReorderPoint,
    double ReorderPoint,
    double OrderUpTo,
    long Available,
    long InTransit,
    long ExcludedUnits,
    int RemainingShelfLifeDays,
    int MinRemainingShelfLifeDays,
    long Quantity,
    bool Failed)
{
    public (string Sku, string Node, string Segment) Key => (Sku, Node, Segment);

    /// <summary>In words, built only when asked: a million positions do not pay for a million strings.</summary>
    public string Reason => Failed
        ? $"rule {RuleId} could not be evaluated here; nothing is ordered"
        : (ExcludedUnits > 0 ? $"{ExcludedUnits} units have less than {MinRemainingShelfLifeDays} days of shelf life left and do not count; " : "")
          + (Triggered
              ? $"available {Available} + inbound {InTransit} is at or below the reorder point {Number(ReorderPoint)}: order {Quantity} up to {Number(OrderUpTo)}"
              : $"available {Available} + inbound {InTransit} is above the reorder point {Number(ReorderPoint)}");

    static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
