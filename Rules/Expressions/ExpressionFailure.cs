namespace InventoryRules.Rules.Expressions;

/// <summary>
/// What a checked planner expression may throw for some inputs (integer division by zero, checked
/// overflow, a date out of range, a null text): a failure of that rule for those inputs, to be
/// reported and skipped, never a crash of the decision. Anything else is a bug and propagates.
/// </summary>
public static class ExpressionFailure
{
    public static bool Is(Exception e) =>
        e is ArithmeticException or ArgumentException or NullReferenceException or InvalidOperationException or IndexOutOfRangeException;
}
