namespace InventoryRules.Engine;

/// <summary>ABC velocity: A sells fastest.</summary>
public enum VelocityClass
{
    A,
    B,
    C,
}
