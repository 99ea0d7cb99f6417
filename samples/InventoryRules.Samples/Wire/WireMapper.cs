using System.Globalization;
using InventoryRules.Engine;

namespace InventoryRules.Samples.Wire;

/// <summary>Domain master data and events to their wire shapes.</summary>
internal static class WireMapper
{
    static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static ItemDto ToDto(Item i) => new(
        i.Sku.Value, i.Description, i.Category, i.VelocityClass.ToString(), i.Units, i.Perishable, i.ShelfLifeDays,
        i.SerialTracked, i.Hazmat, i.ColdChain, i.UnitCost, i.UnitPrice);

    public static NodeDto ToDto(Node n) => new(
        n.Code.Value, n.Name, n.Type.Name(), n.Country, n.Region, n.Latitude, n.Longitude, n.DutyPaid, n.Capabilities,
        n.DailyOrderCapacity, n.CostPerOrder, n.CostPerUnit,
        [.. n.Cutoffs.Select(c => new CutoffDto(c.Carrier, [.. c.Days.Select(d => DayNames[(int)d])],
            c.Time.ToString("HH:mm", CultureInfo.InvariantCulture), c.TimeZone))],
        n.AuthoritativeSources.OrderBy(p => p.Key).ToDictionary(p => p.Key.Name(), p => p.Value, StringComparer.Ordinal));

    public static SegmentDto ToDto(Segment s) =>
        new(s.Code, s.Name, (int)s.FreshnessTolerance.TotalSeconds, s.ServiceLevel);

    public static EventDto ToDto(EventInput e) => new(
        e.EventId, e.Source, e.Sequence, Instant(e.OccurredAt), e.Type, e.Sku, e.Node, e.Quantity, e.Uom,
        e.Lot, e.Serial, Instant(e.Expiry), e.Reason, e.FromStatus, e.ToStatus, Instant(e.Eta), e.ToNode, e.Reference);

    static string? Instant(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
