namespace InventoryRules.Rules.Background.Reservations;

/// <summary>Why a reservation must be re-sourced; wire names, never renamed.</summary>
public static class ReservationFlagReasons
{
    /// <summary>The node may no longer serve the order under the new version.</summary>
    public const string NodeIneligible = "node_ineligible";
    /// <summary>The new safety stock and holds leave less than the position commits.</summary>
    public const string OverCommitted = "over_committed";
}
