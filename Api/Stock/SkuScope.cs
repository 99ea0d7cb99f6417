using System.Data.Common;

namespace InventoryRules.Api.Stock;

/// <summary>
/// Which stored rows one batch owns, by sku: a full run walks skus in the store's order in ranges (after
/// the previous batch's last sku, up to this batch's last; the first open below, the last open above), so
/// the batches cover every key, also rows of positions no longer in the input, which the diff deletes. A run
/// over some skus only (hold expiry) names them. Batches always hold whole skus: the same sku's rows never
/// straddle two batches.
/// </summary>
internal sealed record SkuScope(string? After, string? Last, IReadOnlyList<string>? Skus)
{
    public static SkuScope Range(string? after, string? last) => new(after, last, null);

    public static SkuScope Of(IReadOnlyList<string> skus) => new(null, null, skus);

    /// <summary>The WHERE condition over column <c>sku</c>.</summary>
    public string Condition()
    {
        if (Skus is not null) return $"sku IN ({string.Join(", ", Skus.Select((_, i) => $"@s{i}"))})";
        var parts = new List<string>(2);
        if (After is not null) parts.Add("sku > @after");
        if (Last is not null) parts.Add("sku <= @last");
        return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
    }

    public void Bind(DbCommand cmd)
    {
        if (Skus is not null)
        {
            for (var i = 0; i < Skus.Count; i++) Add(cmd, $"s{i}", Skus[i]);
            return;
        }
        if (After is not null) Add(cmd, "after", After);
        if (Last is not null) Add(cmd, "last", Last);
    }

    static void Add(DbCommand cmd, string name, string value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
