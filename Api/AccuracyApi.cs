using InventoryRules.Api.Auth;
using InventoryRules.Api.Operations;
using InventoryRules.Api.Positions;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>The operations KPIs the accuracy-rollup job keeps: record accuracy and stockout episodes.</summary>
public static class AccuracyApi
{
    const int DefaultDays = 30;

    public static void MapAccuracyApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1").RequireAuthorization(Policies.Read).WithTags("Operations");
        read.MapGet("/accuracy", Accuracy).WithName("GetAccuracy")
            .WithSummary("Inventory record accuracy per node and network-wide over whole UTC days in [from, to) (default: the last 30 days)");
        read.MapGet("/stockouts", Stockouts).WithName("ListStockouts")
            .WithSummary("Stockout episodes per sku and node: started, ended (null while open), duration");
    }

    static async Task<Results<Ok<AccuracyReportDto>, ProblemHttpResult>> Accuracy(
        string? node, string? from, string? to, AccuracyRollups rollups, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var toAt = to is null ? clock.GetUtcNow() : Instant.Parse(to);
        if (toAt is null) errors.Add(new("to", ErrorCodes.InvalidValue, "to is an ISO 8601 instant with an offset"));
        // The default is the rollup's own window: whole UTC days, today and the 29 before it.
        var fromAt = from is null ? toAt is { } t ? new DateTimeOffset(t.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - DefaultDays) : null : Instant.Parse(from);
        if (from is not null && fromAt is null) errors.Add(new("from", ErrorCodes.InvalidValue, "from is an ISO 8601 instant with an offset"));
        if (errors.Count == 0 && fromAt >= toAt) errors.Add(new("from", ErrorCodes.InvalidValue, "from is before to"));
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(await rollups.ReportAsync(node, fromAt!.Value, toAt!.Value, ct));
    }

    static async Task<Results<Ok<ResultPage<StockoutDto>>, ProblemHttpResult>> Stockouts(
        string? sku, string? node, bool? open, int? page, int? pageSize, StockoutEpisodes episodes, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        return TypedResults.Ok(await episodes.ListAsync(sku, node, open, page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }
}
