using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// A node of the sample network with what the simulation needs beyond master data: the store's size
/// (demand multiplier), the DC that replenishes it, Sunday trading, and the DC's warehouse system.
/// </summary>
internal sealed record Site(Node Node, double Size, string? HomeDc, bool OpenSunday, bool ShipsSaturday, string? Wms)
{
    public string Code => Node.Code.Value;
    public NodeType Type => Node.Type;
    public bool IsWarehouse => Type is NodeType.Dc or NodeType.ThirdPartyLogistics;

    /// <summary>A bonded site holds goods not yet cleared through customs: imports for export and B2B abroad.</summary>
    public bool Bonded => !Node.DutyPaid;
    public bool HasCapability(string capability) => Node.Capabilities.Contains(capability);

    /// <summary>Stores in Germany and Switzerland are closed on Sundays, except in railway stations.</summary>
    public bool Trades(DayOfWeek day) => day != DayOfWeek.Sunday || OpenSunday;
}
