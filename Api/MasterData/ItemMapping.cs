using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>Validates wire items and maps them to and from the domain.</summary>
public static class ItemMapping
{
    public static Item? ToDomain(ItemDto d, string at, List<FieldError> errors)
    {
        var before = errors.Count;
        Check.Code(d.Sku, $"{at}.sku", errors);
        Check.Text(d.Description, $"{at}.description", errors, required: false);
        Check.Text(d.Category, $"{at}.category", errors, required: false);
        var velocity = VelocityClass.C;
        if (d.VelocityClass is not null && !Enum.TryParse(d.VelocityClass, ignoreCase: false, out velocity))
        {
            errors.Add(new($"{at}.velocityClass", ErrorCodes.InvalidValue, $"velocityClass '{d.VelocityClass}' is not A, B or C"));
        }
        var units = new Dictionary<string, int>(StringComparer.Ordinal) { [Item.Each] = 1 };
        foreach (var (uom, factor) in d.Units ?? [])
        {
            if (string.IsNullOrWhiteSpace(uom) || uom.Length > 40)
            {
                errors.Add(new($"{at}.units", ErrorCodes.InvalidValue, "a unit of measure needs a name of 1 to 40 characters"));
            }
            else if (factor < 1 || (uom == Item.Each && factor != 1))
            {
                errors.Add(new($"{at}.units.{uom}", ErrorCodes.InvalidValue,
                    uom == Item.Each ? "an each is always 1" : $"'{uom}' must hold a whole number of eaches, at least 1"));
            }
            else
            {
                units[uom] = factor;
            }
        }
        if (d.ShelfLifeDays is < 1) errors.Add(new($"{at}.shelfLifeDays", ErrorCodes.InvalidValue, "shelfLifeDays must be at least 1"));
        if (d.Perishable && d.ShelfLifeDays is null)
        {
            errors.Add(new($"{at}.shelfLifeDays", ErrorCodes.MissingField, "a perishable item needs shelfLifeDays"));
        }
        if (d.UnitCost < 0) errors.Add(new($"{at}.unitCost", ErrorCodes.InvalidValue, "unitCost cannot be negative"));
        if (d.UnitPrice < 0) errors.Add(new($"{at}.unitPrice", ErrorCodes.InvalidValue, "unitPrice cannot be negative"));
        if (errors.Count > before) return null;
        return new Item(new ItemId(d.Sku!), d.Description ?? "", d.Category ?? "", velocity, units, d.Perishable,
            d.ShelfLifeDays, d.SerialTracked, d.Hazmat, d.ColdChain, d.UnitCost, d.UnitPrice);
    }

    public static ItemDto ToDto(Item i) => new()
    {
        Sku = i.Sku.Value,
        Description = i.Description,
        Category = i.Category,
        VelocityClass = i.VelocityClass.ToString(),
        Units = new Dictionary<string, int>(i.Units),
        Perishable = i.Perishable,
        ShelfLifeDays = i.ShelfLifeDays,
        SerialTracked = i.SerialTracked,
        Hazmat = i.Hazmat,
        ColdChain = i.ColdChain,
        UnitCost = i.UnitCost,
        UnitPrice = i.UnitPrice,
    };
}
