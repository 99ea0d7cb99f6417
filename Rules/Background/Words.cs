using System.Globalization;

namespace InventoryRules.Rules.Background;

/// <summary>Numbers and dates in report lines, the same on every machine.</summary>
internal static class Words
{
    public static string Date(DateTimeOffset at) => at.ToString("MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture) + " h";
}
