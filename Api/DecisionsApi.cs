using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Positions;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// The OMS sources and reserves an order (idempotent per order id); everyone who explains or plans looks
/// decisions up by id or searches them by order, item, node and time.
/// </summary>
public static class DecisionsApi
{
    public static void MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/orders/{orderId}/source", Source).RequireAuthorization(Policies.Decide).WithTags("Decisions").WithName("SourceOrder")
            .WithSummary("Decide where each line ships from and reserve it; repeating the order id answers the same decision");

        var read = app.MapGroup("/v1/decisions").RequireAuthorization(Policies.ReadDecisions).WithTags("Decisions");
        read.MapGet("/", Search).WithName("SearchDecisions").WithSummary("Decisions by order, sku, node and time, newest first");
        read.MapGet("/{id}", Get).WithName("GetDecision")
            .WithSummary("A decision with its request, the positions it read, its trace, its reservations and timings");
    }

    static async Task<Results<Ok<SourceAnswer>, ProblemHttpResult>> Source(
        string orderId, OrderRequestBody.Source body, OrderRequests requests, OrderSourcing sourcing, HttpResponse response, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(orderId) || orderId.Length > OrderRequestMapper.MaxIdLength)
        {
            errors.Add(new("orderId", ErrorCodes.InvalidValue, $"an order id has 1 to {OrderRequestMapper.MaxIdLength} characters"));
        }
        if (body.ReservationTtlSeconds is < 1 or > 86_400)
        {
            errors.Add(new("reservationTtlSeconds", ErrorCodes.InvalidValue, "reservationTtlSeconds is 1 to 86400"));
        }
        var (request, mapErrors) = await requests.MapAsync(new OrderRequestMapper.Order(orderId, body.Segment, body.Customer, body.ShipTo,
            body.Lines, body.RequestedDate, body.PreOrder ?? false), "", lineIdsRequired: true, ct);
        errors.AddRange(mapErrors);
        if (errors.Count > 0) return Problems.Invalid(errors);

        var result = await sourcing.SourceAsync(request!, body.ReservationTtlSeconds, ct);
        switch (result.Status)
        {
            case OrderSourcing.Status.NoActiveRuleSet:
                return NoActiveRuleSet(request!.Segment, "segment");
            case OrderSourcing.Status.Conflict:
                response.Headers.RetryAfter = "1";
                return Problems.Create(StatusCodes.Status503ServiceUnavailable, DecisionErrorCodes.ReservationConflict, "Stock is moving too fast",
                    $"the stock of order {orderId} changed under every attempt to reserve it; nothing was reserved, try again");
        }
        response.Headers.Location = $"/v1/decisions/{result.Answer!.DecisionId}";
        if (result.Status == OrderSourcing.Status.Existing) response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(result.Answer);
    }

    public static ProblemHttpResult NoActiveRuleSet(string segment, string field) =>
        Problems.Create(StatusCodes.Status409Conflict, DecisionErrorCodes.NoActiveRuleSet, "No rule set in force",
            $"segment '{segment}' has no published rule set in force; a planner must publish one",
            [new FieldError(field, DecisionErrorCodes.NoActiveRuleSet, $"segment '{segment}' has no published rule set in force")]);

    static async Task<Results<Ok<ResultPage<DecisionLog.Summary>>, ProblemHttpResult>> Search(
        DecisionLog decisionLog, string? orderId, string? sku, string? node, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        return TypedResults.Ok(await decisionLog.SearchAsync(new DecisionLog.Filter(orderId, sku, node, from, to), page ?? 1,
            pageSize ?? Paging.DefaultSize, ct));
    }

    static async Task<Results<Ok<DecisionDetailDto>, ProblemHttpResult>> Get(
        string id, DecisionLog decisionLog, ReservationRepository reservations, CancellationToken ct)
    {
        if (await decisionLog.GetAsync(id, ct) is not { } stored) return Problems.NotFound($"decision {id}");
        return TypedResults.Ok(DecisionDetailDto.From(stored, await reservations.ForDecisionAsync(id, ct)));
    }
}
