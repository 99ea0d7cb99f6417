namespace InventoryRules.Engine;

/// <summary>Stable names of anomaly kinds.</summary>
public static class AnomalyKinds
{
    public const string NegativeOnHand = "negative_on_hand";
    public const string MovementSpike = "movement_spike";
    public const string CountVariance = "count_variance";

    public static IReadOnlyList<string> All { get; } = [NegativeOnHand, MovementSpike, CountVariance];
}
