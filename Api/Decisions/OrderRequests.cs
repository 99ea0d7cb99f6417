using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Maps requests against master data, reloading it once when a name is unknown (another replica may have
/// just added the item or segment), as ingest does.
/// </summary>
public sealed class OrderRequests(MasterDataCache masterData)
{
    public async Task<(DecisionRequest? Request, List<FieldError> Errors)> MapAsync(OrderRequestMapper.Order order, string prefix,
        bool lineIdsRequired, CancellationToken ct)
    {
        var master = await masterData.GetAsync(ct);
        var mapped = OrderRequestMapper.Map(order, master, prefix, lineIdsRequired);
        if (mapped.Errors.Any(e => e.Code is ErrorCodes.UnknownSku or ErrorCodes.UnknownSegment or ErrorCodes.UnknownUom))
        {
            mapped = OrderRequestMapper.Map(order, await masterData.RefreshAsync(master, ct), prefix, lineIdsRequired);
        }
        return mapped;
    }
}
