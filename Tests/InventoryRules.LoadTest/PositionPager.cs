using System.Globalization;
using System.Runtime.CompilerServices;

namespace InventoryRules.LoadTest;

/// <summary>Every position, page by page (<c>GET /v1/positions</c>, ordered by sku and node on the service).</summary>
static class PositionPager
{
    const int PageSize = 500;

    public static async IAsyncEnumerable<PositionRow> AllAsync(ServiceClient service, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"/v1/positions?pageSize={PageSize}&page={page}");
            var result = await service.GetJsonAsync(path, LoadJson.Default.ResultPagePositionRow, ct);
            var items = result.Items ?? [];
            foreach (var item in items) yield return item;
            // The total is re-read on every page; stop at the first short page as well, in case it moved.
            if (items.Count < PageSize || (long)page * PageSize >= result.Total) yield break;
        }
    }
}
