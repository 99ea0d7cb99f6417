using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Draws the sample catalogue: category shares from <see cref="CategoryCatalogue"/>, unique
/// brand/variant/product/size combinations, retail prices with category margins, and velocity classes
/// by popularity rank (A the top 20%, B the next 30%, C the rest).
/// </summary>
internal static class ItemCatalogue
{
    sealed record Draft(CategoryProfile Category, ProductTemplate Product, string Description, decimal Cost, decimal Price, double Popularity);

    public static CatalogueItem[] Create(Random random, int count)
    {
        var categories = CategoryCatalogue.All;
        var perCategory = Apportion(count, categories.Select(c => c.Weight).ToArray());
        var drafts = new List<Draft>(count);
        for (var c = 0; c < categories.Count; c++) drafts.AddRange(Draw(random, categories[c], perCategory[c]));
        var shuffled = drafts.ToArray();
        random.Shuffle(shuffled);

        var byPopularity = Enumerable.Range(0, count)
            .OrderByDescending(i => shuffled[i].Popularity).ThenBy(i => i).ToArray();
        var classOf = new VelocityClass[count];
        var rankInClass = new double[count];
        var countA = ((count * 20) + 50) / 100;
        var countB = ((count * 30) + 50) / 100;
        for (var rank = 0; rank < count; rank++)
        {
            var i = byPopularity[rank];
            (classOf[i], rankInClass[i]) =
                rank < countA ? (VelocityClass.A, (double)rank / Math.Max(countA, 1))
                : rank < countA + countB ? (VelocityClass.B, (double)(rank - countA) / Math.Max(countB, 1))
                : (VelocityClass.C, (double)(rank - countA - countB) / Math.Max(count - countA - countB, 1));
        }

        var items = new CatalogueItem[count];
        for (var i = 0; i < count; i++)
        {
            var d = shuffled[i];
            var r = rankInClass[i];
            // Units a regular store sells on an average day, falling with rank inside the class.
            var rate = classOf[i] switch
            {
                VelocityClass.A => 12 - (8 * r),
                VelocityClass.B => 2.4 - (1.7 * r),
                _ => 0.5 - (0.42 * r),
            } * Det.Between(random, 0.85, 1.15);
            var item = new Item(
                new ItemId($"SKU-{i + 1:D6}"), d.Description, d.Category.Name, classOf[i], Units(d.Product),
                d.Category.Perishable, d.Category.ShelfLifeDays, d.Product.SerialTracked, d.Product.Hazmat,
                d.Category.ColdChain, d.Cost, d.Price);
            items[i] = new CatalogueItem(i, item, d.Category, d.Product, rate, Det.Between(random, 2.0, 3.0));
        }
        return items;
    }

    static Dictionary<string, int> Units(ProductTemplate p)
    {
        var units = new Dictionary<string, int>(StringComparer.Ordinal) { [Item.Each] = 1 };
        if (p.Inner > 0) units["inner"] = p.Inner;
        units["case"] = p.Case;
        if (p.CasesPerPallet > 0) units["pallet"] = p.Case * p.CasesPerPallet;
        return units;
    }

    static IEnumerable<Draft> Draw(Random random, CategoryProfile category, int wanted)
    {
        var combos = new List<(string Brand, ProductTemplate Product, string? Variant, string Size)>();
        string?[] unnamed = [null];
        foreach (var product in category.Products)
        {
            foreach (var brand in category.Brands)
            {
                foreach (var variant in product.Variants ?? unnamed)
                {
                    foreach (var size in product.Sizes) combos.Add((brand, product, variant, size));
                }
            }
        }
        var order = combos.ToArray();
        random.Shuffle(order);
        for (var n = 0; n < wanted; n++)
        {
            var (brand, product, variant, size) = order[n % order.Length];
            // Past the unique combinations (very large catalogues only) repeat them as numbered listings.
            var repeat = n / order.Length;
            var description = variant is null ? $"{brand} {product.Name} {size}" : $"{brand} {variant} {product.Name} {size}";
            if (repeat > 0) description += $" (listing {repeat + 1})";
            var price = Price(random, product);
            var margin = (decimal)Det.Between(random, category.MinMargin, category.MaxMargin);
            var cost = decimal.Round(price * (1 - margin), 2);
            // A few bestsellers per category, a long tail of slow lines.
            var popularity = category.Popularity / (1 - (0.9 * random.NextDouble()));
            yield return new Draft(category, product, description, cost, price, popularity);
        }
    }

    static decimal Price(Random random, ProductTemplate p)
    {
        var raw = p.MinPrice + ((p.MaxPrice - p.MinPrice) * (decimal)random.NextDouble());
        // Shelf prices end in 9: 1.49 below ten, 24.99 above.
        return raw < 10 ? (decimal.Floor(raw * 10) / 10) + 0.09m : decimal.Floor(raw) + 0.99m;
    }

    /// <summary>Splits <paramref name="total"/> by weights, largest remainders first, so the parts sum exactly.</summary>
    static int[] Apportion(int total, int[] weights)
    {
        var sum = weights.Sum();
        var parts = weights.Select(w => total * w / sum).ToArray();
        var byRemainder = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => (total * weights[i]) % sum).ThenBy(i => i).ToArray();
        for (var k = 0; parts.Sum() < total; k++) parts[byRemainder[k % weights.Length]]++;
        return parts;
    }
}
