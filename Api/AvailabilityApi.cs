using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api;

/// <summary>
/// What can be promised, now and by a date, per line, per node and for the network. A read: no locks, no
/// reservation, not logged as a decision.
/// </summary>
public static class AvailabilityApi
{
    public static void MapAvailabilityApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/availability", Ask).RequireAuthorization(Policies.ReadDecisions).WithTags("Decisions").WithName("Availability")
            .WithSummary("Quantity available now and by a date per node and for the network, with promise dates")
            .ProducesProblems((400, DecisionOpenApi.Invalid), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden),
                (409, "no_active_ruleset: the segment has no rule set in force"));

    static async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> Ask(
        OrderRequestBody.AvailabilityBody body, OrderRequests requests, RuleBooks ruleBooks, SnapshotLoader snapshots, MasterDataCache masterData,
        TimeProvider clock, IOptions<DecisionsOptions> options, CancellationToken ct)
    {
        var (request, errors) = await requests.MapAsync(new OrderRequestMapper.Order("availability", body.Segment, body.Customer, body.ShipTo,
            body.OrderLines(), null, false), "", lineIdsRequired: false, ct);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var now = clock.GetUtcNow();
        if (await ruleBooks.ForAsync(request!.Segment, now, ct) is not { } rules) return DecisionsApi.NoActiveRuleSet(request.Segment, "segment");
        var segment = (await masterData.GetAsync(ct)).Segments[request.Segment];
        // A read may reuse figures a moment old, never older than the segment tolerates for its promises.
        var maxAge = TimeSpan.FromSeconds(Math.Min(options.Value.AvailabilityMaxAgeSeconds, segment.FreshnessTolerance.TotalSeconds));
        var snapshot = await snapshots.LoadAsync(segment, Decider.SkusToRead(request.Lines.Select(l => l.Sku), rules), now, maxAge, ct);
        var answer = Decider.Availability(request, snapshot, rules, body.ByDate);
        return TypedResults.Ok(AvailabilityDto.From(answer, request.Segment, body.ByDate));
    }
}
