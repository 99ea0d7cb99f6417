namespace InventoryRules.LoadTest;

/// <summary>Counting into dictionaries (status codes, error kinds) and merging clients' counts at the end.</summary>
static class Counts
{
    public static void Increment<TKey>(this Dictionary<TKey, long> counts, TKey key, long n = 1) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + n;

    public static SortedDictionary<TKey, long> Merge<TKey>(IEnumerable<Dictionary<TKey, long>> parts) where TKey : notnull
    {
        var merged = new SortedDictionary<TKey, long>();
        foreach (var part in parts)
        {
            foreach (var (key, n) in part) merged[key] = merged.GetValueOrDefault(key) + n;
        }
        return merged;
    }
}
