using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Positions;
using InventoryRules.Api.Supply;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>What the supply jobs recorded: backorders, cross-dock matches and reservations flagged for re-sourcing (docs/supply-jobs.md).</summary>
public static class SupplyApi
{
    static readonly string[] BackorderStatuses = [BackorderStatus.Open, BackorderStatus.Released, BackorderStatus.Cancelled];
    static readonly string[] FlagStatuses = [ReservationFlagRepository.Open, ReservationFlagRepository.Resolved];

    public static void MapSupplyApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1").RequireAuthorization(Policies.ReadDecisions).WithTags("Supply");
        read.MapGet("/backorders", Backorders).WithName("ListBackorders")
            .WithSummary("Backordered lines and the supply each waits on; released ones name their reservation")
            .ProducesProblems((400, "invalid_value: status or paging"), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
        app.MapPost("/v1/orders/{orderId}/backorders/cancel", CancelBackorders).RequireAuthorization(Policies.Decide).WithTags("Supply")
            .WithName("CancelBackorders").WithSummary("The OMS cancelled the order's backordered lines: they stop waiting for supply")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
        read.MapGet("/cross-dock/matches", Matches).WithName("ListCrossDockMatches")
            .WithSummary("Inbound supply matched to backordered lines at cross-dock nodes")
            .ProducesProblems((400, "invalid_value: paging"), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
        read.MapGet("/reservations/flags", Flags).WithName("ListReservationFlags")
            .WithSummary("Reservations a published version no longer covers, to re-source")
            .ProducesProblems((400, "invalid_value: status or paging"), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
    }

    public sealed record CancelledBackorders(string OrderId, int Cancelled);

    static async Task<Ok<CancelledBackorders>> CancelBackorders(string orderId, BackorderRepository backorders, CancellationToken ct) =>
        TypedResults.Ok(new CancelledBackorders(orderId, await backorders.CancelOrderAsync(orderId, ct)));

    static async Task<Results<Ok<ResultPage<BackorderDto>>, ProblemHttpResult>> Backorders(BackorderRepository backorders, string? sku, string? node,
        string? status, string? orderId, int? page, int? pageSize, CancellationToken ct)
    {
        if ((BadStatus(status, BackorderStatuses) ?? Paging.Check(page, pageSize)) is { } bad) return bad;
        return TypedResults.Ok(await backorders.SearchAsync(new(sku, node, status, orderId), page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }

    static async Task<Results<Ok<ResultPage<CrossDockMatchDto>>, ProblemHttpResult>> Matches(CrossDockRepository matches, string? node,
        string? reference, string? orderId, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        return TypedResults.Ok(await matches.SearchAsync(new(node, reference, orderId), page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }

    static async Task<Results<Ok<ResultPage<ReservationFlagDto>>, ProblemHttpResult>> Flags(ReservationFlagRepository flags, string? status,
        string? orderId, string? reservationId, int? page, int? pageSize, CancellationToken ct)
    {
        if ((BadStatus(status, FlagStatuses) ?? Paging.Check(page, pageSize)) is { } bad) return bad;
        return TypedResults.Ok(await flags.SearchAsync(new(status, orderId, reservationId), page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }

    static ProblemHttpResult? BadStatus(string? status, string[] known) =>
        status is null || known.Contains(status, StringComparer.Ordinal) ? null
            : Problems.Invalid([new FieldError("status", ErrorCodes.InvalidValue, $"status is one of {string.Join(", ", known)}")]);
}
