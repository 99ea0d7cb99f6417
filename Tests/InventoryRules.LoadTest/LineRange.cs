using System.Globalization;

namespace InventoryRules.LoadTest;

/// <summary>How many lines an order has: a fixed count ("2") or a range drawn uniformly ("1..3").</summary>
readonly record struct LineRange(int Min, int Max)
{
    public static bool TryParse(string text, out LineRange range)
    {
        range = default;
        var parts = text.Split("..", 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)) return false;
        var max = min;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out max)) return false;
        // A decision request takes few lines; 50 keeps a typo from building megabyte bodies.
        if (min < 1 || max < min || max > 50) return false;
        range = new LineRange(min, max);
        return true;
    }

    public int Next(Random random) => random.Next(Min, Max + 1);

    public override string ToString() => Min == Max ? Min.ToString(CultureInfo.InvariantCulture) : $"{Min}..{Max}";
}
