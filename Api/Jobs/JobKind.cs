namespace InventoryRules.Api.Jobs;

/// <summary>Recurring jobs run on a schedule; triggered ones when something happens (a receipt, a publish, an analyst).</summary>
public enum JobKind
{
    Recurring,
    Triggered,
}
