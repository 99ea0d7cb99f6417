using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// What can be promised, now and by a date, per line, per node and for the network. A read: no locks, no
/// reservation, not logged as a decision.
/// </summary>
public static class AvailabilityApi
{
    public static void MapAvailabilityApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/availability", Ask).RequireAuthorization(Policies.ReadDecisions).WithTags("Decisions").WithName("Availability")
            .WithSummary("Quantity available now and by a date per node and for the network, with promise dates");

    static async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> Ask(
        OrderRequestBody.Availability body, OrderRequests requests, RuleBooks ruleBooks, SnapshotLoader snapshots, MasterDataCache masterData,
        TimeProvider clock, CancellationToken ct)
    {
        var (request, errors) = await requests.MapAsync(new OrderRequestMapper.Order("availability", body.Segment, body.Customer, body.ShipTo,
            body.Lines, null, false), "", lineIdsRequired: false, ct);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var now = clock.GetUtcNow();
        if (await ruleBooks.ForAsync(request!.Segment, now, ct) is not { } rules) return DecisionsApi.NoActiveRuleSet(request.Segment, "segment");
        var segment = (await masterData.GetAsync(ct)).Segments[request.Segment];
        var snapshot = await snapshots.LoadAsync(segment, Decider.SkusToRead(request.Lines.Select(l => l.Sku), rules), now, ct);
        var answer = Decider.Availability(request, snapshot, rules, body.ByDate);
        return TypedResults.Ok(AvailabilityDto.From(answer, request.Segment, body.ByDate));
    }
}
