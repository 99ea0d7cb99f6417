using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.MasterData;
using InventoryRules.Api.Positions;
using InventoryRules.Api.Stock;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// What the stock jobs stored: safety stock with the inputs it came from, reorder figures with their
/// suggestions. Read by those who read rules (planners, analysts, operators, admins): figures derived from
/// the rule sets, explained in their terms.
/// </summary>
public static class StockApi
{
    public static void MapStockApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").RequireAuthorization(Policies.ReadRules).WithTags("Stock");
        group.MapGet("/safety-stock", SafetyStock).WithName("ListSafetyStock")
            .WithSummary("Safety stock per sku, node and segment as the stock-reevaluation job last stored it, with its inputs");
        group.MapGet("/reorders", Reorders).WithName("ListReorders")
            .WithSummary("Reorder figures per sku, node and segment with reasons in words, and the perishable-reorder suggestions");
    }

    static async Task<Results<Ok<ResultPage<SafetyStockDto>>, ProblemHttpResult>> SafetyStock(string? sku, string? node, string? segment,
        string? page, string? pageSize, StockQueries queries, MasterDataCache masterData, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var (p, size) = await CheckAsync(segment, page, pageSize, masterData, errors, ct);
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(await queries.SafetyStockAsync(sku, node, segment, p, size, ct));
    }

    static async Task<Results<Ok<ResultPage<ReorderDto>>, ProblemHttpResult>> Reorders(string? sku, string? node, string? segment, string? triggered,
        string? page, string? pageSize, StockQueries queries, MasterDataCache masterData, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var (p, size) = await CheckAsync(segment, page, pageSize, masterData, errors, ct);
        bool? onlyTriggered = null;
        if (!string.IsNullOrEmpty(triggered))
        {
            if (bool.TryParse(triggered, out var t)) onlyTriggered = t;
            else errors.Add(new FieldError("triggered", ErrorCodes.InvalidValue, $"triggered is true or false; got '{triggered}'"));
        }
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(await queries.ReordersAsync(sku, node, segment, onlyTriggered, p, size, ct));
    }

    static async Task<(int Page, int PageSize)> CheckAsync(string? segment, string? page, string? pageSize, MasterDataCache masterData,
        List<FieldError> errors, CancellationToken ct)
    {
        var p = QueryArgs.ParseWholeNumber(page, "page", errors);
        var size = QueryArgs.ParseWholeNumber(pageSize, "pageSize", errors);
        Paging.AddErrors(p, size, errors);
        if (!string.IsNullOrEmpty(segment) && !(await masterData.GetAsync(ct)).Segments.ContainsKey(segment))
        {
            errors.Add(new("segment", ErrorCodes.InvalidValue, $"no segment '{segment}'"));
        }
        return (p ?? 1, size ?? Paging.DefaultSize);
    }
}
