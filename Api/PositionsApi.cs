using InventoryRules.Api.Auth;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>Positions now, as of an instant, filtered; and a position's event history.</summary>
public static class PositionsApi
{
    public static void MapPositionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/positions").RequireAuthorization(Policies.Read).WithTags("Positions");
        group.MapGet("/", List).WithName("ListPositions");
        group.MapGet("/{sku}/{node}", Get).WithName("GetPosition")
            .WithSummary("All buckets in eaches; ?asOf= gives the position at a past instant as best known now");
        group.MapGet("/{sku}/{node}/events", Events).WithName("PositionEvents");
        group.MapGet("/{sku}/{node}/audit", async (string sku, string node, Retention.AuditTotalQueries audit, CancellationToken ct) =>
                await audit.ForPositionAsync(sku, node, ct) is { } totals ? (IResult)TypedResults.Ok(totals) : Problems.NotFound($"events for {sku} at {node}"))
            .WithName("PositionAudit")
            .WithSummary("Event counts and sums per type and source for all time: compacted by retention plus live");
    }

    static async Task<Results<Ok<PositionDto>, ProblemHttpResult>> Get(
        string sku, string node, string? asOf, PositionQueries positions, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        if (asOf is not null)
        {
            if (Instant.Parse(asOf) is not { } parsed)
            {
                return Problems.Invalid([new FieldError("asOf", ErrorCodes.InvalidValue, "asOf is an ISO 8601 instant with an offset, e.g. 2026-11-20T10:00:00Z")]);
            }
            at = parsed;
            if (await positions.RetainedFromAsync(ct) is { } cutoff && parsed < cutoff)
            {
                return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.AsOfBeforeRetention, "Before the retained history",
                    $"events before {cutoff:O} are compacted; asOf answers are exact from then on",
                    [new FieldError("asOf", ErrorCodes.AsOfBeforeRetention, $"asOf is {cutoff:O} or later")]);
            }
        }
        var position = at is { } t ? await positions.AsOfAsync(sku, node, t, ct) : await positions.GetAsync(sku, node, ct);
        return position is null ? Problems.NotFound($"a position for {sku} at {node}") : TypedResults.Ok(position);
    }

    static async Task<Results<Ok<ResultPage<PositionDto>>, ProblemHttpResult>> List(
        PositionQueries positions, string? sku, string? node, string? nodeType, string? country, bool? quarantined,
        long? belowOnHand, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        if (nodeType is not null && !NodeTypeNames.TryParse(nodeType, out _))
        {
            return Problems.Invalid([new FieldError("nodeType", ErrorCodes.InvalidValue, $"nodeType is one of {string.Join(", ", NodeTypeNames.All)}")]);
        }
        return TypedResults.Ok(await positions.ListAsync(new PositionFilter(sku, node, nodeType, country, quarantined, belowOnHand),
            page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }

    static async Task<Results<Ok<ResultPage<EventRecordDto>>, ProblemHttpResult>> Events(
        string sku, string node, string? from, string? to, int? page, int? pageSize, EventHistory history, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        var errors = new List<FieldError>();
        var fromAt = from is null ? null : Instant.Parse(from);
        var toAt = to is null ? null : Instant.Parse(to);
        if (from is not null && fromAt is null) errors.Add(new("from", ErrorCodes.InvalidValue, "from is an ISO 8601 instant with an offset"));
        if (to is not null && toAt is null) errors.Add(new("to", ErrorCodes.InvalidValue, "to is an ISO 8601 instant with an offset"));
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(await history.ForPositionAsync(sku, node, Instants.ToMicros(fromAt), Instants.ToMicros(toAt),
            page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }
}
