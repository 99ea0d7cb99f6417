namespace InventoryRules.Samples;

/// <summary>
/// One product line of a category, sold in one or more sizes and variants (flavour, scent, colour)
/// by several brands. Pack sizes are in eaches (inner and case) and cases per pallet; zero means the
/// unit does not exist for the product.
/// </summary>
internal sealed record ProductTemplate(
    string Name,
    string[] Sizes,
    decimal MinPrice,
    decimal MaxPrice,
    int Case,
    int Inner = 0,
    int CasesPerPallet = 0,
    bool Hazmat = false,
    bool SerialTracked = false,
    string[]? Variants = null);
