using System.Security.Claims;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Operations;
using InventoryRules.Api.Positions;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>The operators' view: anomalies (and resolving them), discrepancies, count variances.</summary>
public static class OperationsApi
{
    public sealed record ResolveRequest(string? Note);

    public static void MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1").RequireAuthorization(Policies.Read).WithTags("Operations");
        read.MapGet("/anomalies", Anomalies).WithName("ListAnomalies");
        read.MapGet("/anomalies/{id:long}", async (long id, AnomalyRepository repo, CancellationToken ct) =>
            await repo.GetAsync(id, ct) is { } a ? (IResult)TypedResults.Ok(a) : Problems.NotFound($"anomaly {id}")).WithName("GetAnomaly");
        read.MapGet("/discrepancies", async (AuditQueries audit, string? sku, string? node, int? page, int? pageSize, CancellationToken ct) =>
            Paging.Check(page, pageSize) ?? (IResult)TypedResults.Ok(await audit.DiscrepanciesAsync(sku, node, page ?? 1, pageSize ?? Paging.DefaultSize, ct)))
            .WithName("ListDiscrepancies");
        read.MapGet("/count-variances", async (AuditQueries audit, string? sku, string? node, int? page, int? pageSize, CancellationToken ct) =>
            Paging.Check(page, pageSize) ?? (IResult)TypedResults.Ok(await audit.VariancesAsync(sku, node, page ?? 1, pageSize ?? Paging.DefaultSize, ct)))
            .WithName("ListCountVariances");

        app.MapPost("/v1/anomalies/{id:long}/resolve", Resolve).RequireAuthorization(Policies.Operate).WithTags("Operations")
            .WithName("ResolveAnomaly").WithSummary("Close an anomaly; the position returns to availability when nothing else quarantines it");
    }

    static async Task<Results<Ok<ResultPage<AnomalyDto>>, ProblemHttpResult>> Anomalies(
        AnomalyRepository repo, string? status, string? kind, string? sku, string? node, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        if (status is not null and not ("open" or "resolved"))
        {
            return Problems.Invalid([new FieldError("status", ErrorCodes.InvalidValue, "status is open or resolved")]);
        }
        return TypedResults.Ok(await repo.ListAsync(status, kind, sku, node, page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }

    static async Task<Results<Ok<AnomalyDto>, ProblemHttpResult>> Resolve(
        long id, ResolveRequest? body, AnomalyRepository repo, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await repo.GetAsync(id, ct) is null) return Problems.NotFound($"anomaly {id}");
        if (!await repo.ResolveAsync(id, user.Identity?.Name ?? "unknown", body?.Note, ct))
        {
            return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.AlreadyResolved, "Already resolved", $"anomaly {id} is resolved");
        }
        return TypedResults.Ok((await repo.GetAsync(id, ct))!);
    }
}
