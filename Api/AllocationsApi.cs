using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>Constrained allocation: competing demands ranked by the allocation_priority rules and served in that order.</summary>
public static class AllocationsApi
{
    public const int MaxDemands = 1_000;

    public static void MapAllocationsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/allocations/run", Run).RequireAuthorization(Policies.Allocate).WithTags("Decisions").WithName("RunAllocation")
            .WithSummary("Rank competing demands for scarce stock and allocate; with reserve, source each served demand as an order")
            .ProducesProblems((400, DecisionOpenApi.Invalid), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden),
                (409, "no_active_ruleset: a demand's segment has no rule set in force"));

    static async Task<Results<Ok<AllocationRunDto>, ProblemHttpResult>> Run(
        OrderRequestBody.AllocationRunBody body, OrderRequests requests, AllocationRuns runs, CancellationToken ct)
    {
        if (body.Demands is not { Count: > 0 } demands)
        {
            return Problems.Invalid([new FieldError("demands", ErrorCodes.MissingField, "a run needs at least one demand")]);
        }
        if (demands.Count > MaxDemands)
        {
            return Problems.Invalid([new FieldError("demands", ErrorCodes.InvalidValue, $"at most {MaxDemands} demands per run")]);
        }
        var errors = new List<FieldError>();
        var mapped = new List<DecisionRequest>();
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < demands.Count; i++)
        {
            var at = $"demands[{i}]";
            if (demands[i] is not { } d)
            {
                errors.Add(new(at, ErrorCodes.MissingField, "a demand is an object like an order"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(d.OrderId) || d.OrderId.Length > OrderRequestMapper.MaxIdLength)
            {
                errors.Add(new($"{at}.orderId", ErrorCodes.MissingField, $"every demand has an orderId of 1 to {OrderRequestMapper.MaxIdLength} characters"));
                continue;
            }
            if (!orderIds.Add(d.OrderId))
            {
                errors.Add(new($"{at}.orderId", ErrorCodes.DuplicateInBatch, $"orderId '{d.OrderId}' appears twice in the run"));
                continue;
            }
            var (request, problems) = await requests.MapAsync(new OrderRequestMapper.Order(d.OrderId, d.Segment, d.Customer, d.ShipTo, d.Lines,
                d.RequestedDate, d.PreOrder ?? false), at + ".", lineIdsRequired: true, ct);
            errors.AddRange(problems);
            if (request is not null) mapped.Add(request);
        }
        if (errors.Count > 0) return Problems.Invalid(errors);
        var (answer, missingAt) = await runs.RunAsync(mapped, body.Reserve ?? false, ct);
        return answer is null ? DecisionsApi.NoActiveRuleSet(mapped[missingAt].Segment, $"demands[{missingAt}].segment") : TypedResults.Ok(answer);
    }
}
