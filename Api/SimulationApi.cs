using System.Text.Json.Nodes;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.MasterData;
using InventoryRules.Api.RuleSets;
using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Model;
using InventoryRules.Rules.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// Tries any rule set version — a draft too — on an order against today's positions: where each line
/// would ship from and why, with the other segments' versions in force (their holds bind). Nothing is
/// reserved or logged; the planners' "what would happen if" before they publish.
/// </summary>
public static class SimulationApi
{
    /// <summary>What the simulated decision was taken under, and the decision itself.</summary>
    public sealed record SimulationAnswer(SimulatedRuleSet RuleSet, IReadOnlyList<SimulatedLine> Lines, DecisionTotals Totals,
        IReadOnlyList<string> Explanation, IReadOnlyList<DecisionDetailDto.DecisionTraceStep> Trace);

    public sealed record SimulatedRuleSet(string Id, string Segment, long Version, string Status);

    public sealed record SimulatedLine(string LineId, string Sku, long Requested, IReadOnlyList<Allocation> Allocations, long Backordered,
        long Rejected, IReadOnlyList<Allocation> Substitutions, DateTimeOffset? BackorderPromiseDate);

    public static void MapSimulationApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/rulesets/{id}/simulate", Simulate).RequireAuthorization(Policies.ReadRules).WithTags("Rule sets")
            .WithName("SimulateRuleSet")
            .WithSummary("Decide an order under this version (a draft too) against today's positions, without reserving or logging")
            .ProducesProblems((400, DecisionOpenApi.Invalid), (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden),
                (404, "not_found: no rule set with this id"), (422, "ruleset_invalid: the version does not compile; problems name each rule"));

    static async Task<Results<Ok<SimulationAnswer>, ProblemHttpResult>> Simulate(string id, OrderRequestBody.SourceOrderBody body,
        RuleSetRepository repository, RuleSetCatalog catalog, OrderRequests requests, SnapshotLoader snapshots, MasterDataCache masterData,
        TimeProvider clock, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } record) return Problems.NotFound($"rule set {id}");
        var json = JsonNode.Parse(record.Document);
        if (RuleSetJson.TryRead(json) is not { } document) return RuleSetsApi.Invalid(record.Id, SchemaValidator.Validate(json));
        var (compiled, problems) = CompiledRuleSet.Compile(record.Id, record.Version, document);
        if (compiled is null) return RuleSetsApi.Invalid(record.Id, problems);
        if (body.Segment is { Length: > 0 } asked && asked != record.Segment)
        {
            return Problems.Invalid([new FieldError("segment", ErrorCodes.InvalidValue,
                $"{record.Id} governs segment '{record.Segment}'; leave segment out or send '{record.Segment}'")]);
        }
        var (request, errors) = await requests.MapAsync(new OrderRequestMapper.Order("simulation", record.Segment, body.Customer, body.ShipTo,
            body.Lines, body.RequestedDate, body.PreOrder ?? false), "", lineIdsRequired: false, ct);
        if (errors.Count > 0) return Problems.Invalid(errors);

        var now = clock.GetUtcNow();
        var others = (await catalog.ActiveForAllAsync(now, ct)).Where(a => a.Key != record.Segment).Select(a => a.Value).ToList();
        var rules = new RuleBook(compiled, others);
        var segment = (await masterData.GetAsync(ct)).Segments[record.Segment];
        var snapshot = await snapshots.LoadAsync(segment, Decider.SkusToRead(request!.Lines.Select(l => l.Sku), rules), now, ct);
        var decision = Decider.Decide(request, snapshot, rules);
        return TypedResults.Ok(new SimulationAnswer(new SimulatedRuleSet(record.Id, record.Segment, record.Version, record.Status),
            [.. decision.Lines.Select(l => new SimulatedLine(l.LineId, l.Sku, l.Requested, l.Allocations, l.Backordered, l.Rejected,
                l.Substitutions, l.BackorderPromiseDate))],
            decision.Totals with { Cost = double.IsFinite(decision.Totals.Cost) ? decision.Totals.Cost : 0 },
            decision.Explanation,
            [.. decision.Trace.Select(t => new DecisionDetailDto.DecisionTraceStep(t.Step, t.RuleId, t.LineId, t.Node, t.Message,
                t.Figures?.ToDictionary(f => f.Key, f => double.IsFinite(f.Value) ? f.Value : (double?)null)))]));
    }
}
