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
            .WithSummary("Decide where each line ships from and reserve it; repeating the order id answers the same decision")
            .WithOkHeader("Idempotent-Replayed", "true when the order id was decided before with the same request: the stored decision, nothing new reserved")
            .WithOkHeader("Location", "the decision: /v1/decisions/{decisionId}")
            .ProducesProblems((400, DecisionOpenApi.Invalid), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden),
                (409, "order_conflict: the order id was decided with a different request; no_active_ruleset: the segment has no rule set in force"),
                (503, "reservation_conflict: stock moved under every attempt to reserve; nothing reserved, retry after Retry-After"));

        var read = app.MapGroup("/v1/decisions").RequireAuthorization(Policies.ReadDecisions).WithTags("Decisions");
        read.MapGet("/", Search).WithName("SearchDecisions").WithSummary("Decisions by order, sku, node, segment, kind and time, newest first")
            .ProducesProblems((400, DecisionOpenApi.Invalid), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
        read.MapGet("/{id}", Get).WithName("GetDecision")
            .WithSummary("A decision with its request, the positions it read, its trace, its reservations and timings")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden), (404, "not_found: no decision with this id"));
    }

    static async Task<Results<Ok<SourceAnswer>, ProblemHttpResult>> Source(
        string orderId, OrderRequestBody.SourceOrderBody body, OrderRequests requests, OrderSourcing sourcing, HttpResponse response, CancellationToken ct)
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
            case OrderSourcing.Status.OrderConflict:
                return OrderConflict(orderId, result.DecidedAs!, "orderId");
        }
        response.Headers.Location = $"/v1/decisions/{result.Answer!.DecisionId}";
        if (result.Status == OrderSourcing.Status.Existing) response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(result.Answer);
    }

    public static ProblemHttpResult NoActiveRuleSet(string segment, string field) =>
        Problems.Create(StatusCodes.Status409Conflict, DecisionErrorCodes.NoActiveRuleSet, "No rule set in force",
            $"segment '{segment}' has no published rule set in force; a planner must publish one",
            [new FieldError(field, DecisionErrorCodes.NoActiveRuleSet, $"segment '{segment}' has no published rule set in force")]);

    /// <summary>An order id reused for another request: what the OMS must do about it, and where the first decision is.</summary>
    public static ProblemHttpResult OrderConflict(string orderId, string decidedAs, string field)
    {
        var message = $"order {orderId} was already decided (as {decidedAs}) with a different request; an order id is decided once";
        return Problems.Create(StatusCodes.Status409Conflict, DecisionErrorCodes.OrderConflict, "Order id already used",
            $"{message}. See GET /v1/decisions/{decidedAs} for that decision; source a new order under a new order id",
            [new FieldError(field, DecisionErrorCodes.OrderConflict, message)]);
    }

    // The query is bound as text so that a value that does not parse is reported on its parameter (QueryArgs).
    static async Task<Results<Ok<ResultPage<DecisionSummary>>, ProblemHttpResult>> Search(
        DecisionLog decisionLog, string? orderId, string? sku, string? node, string? segment, string? kind, string? from, string? to,
        string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (kind is not null and not (StoredDecision.Source or StoredDecision.AllocationRun))
        {
            errors.Add(new("kind", ErrorCodes.InvalidValue, $"kind is {StoredDecision.Source} or {StoredDecision.AllocationRun}"));
        }
        var filter = new DecisionLog.Filter(orderId, sku, node, QueryArgs.ParseInstant(from, "from", errors), QueryArgs.ParseInstant(to, "to", errors),
            segment, kind);
        var (pageNumber, size) = (QueryArgs.ParseWholeNumber(page, "page", errors), QueryArgs.ParseWholeNumber(pageSize, "pageSize", errors));
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (Paging.Check(pageNumber, size) is { } bad) return bad;
        return TypedResults.Ok(await decisionLog.SearchAsync(filter, pageNumber ?? 1, size ?? Paging.DefaultSize, ct));
    }

    static async Task<Results<Ok<DecisionDetailDto>, ProblemHttpResult>> Get(
        string id, DecisionLog decisionLog, ReservationRepository reservations, CancellationToken ct)
    {
        if (await decisionLog.GetAsync(id, ct) is not { } stored) return Problems.NotFound($"decision {id}");
        return TypedResults.Ok(DecisionDetailDto.From(stored, await reservations.ForDecisionAsync(id, ct)));
    }
}
