using System.Text.Json.Nodes;
using InventoryRules.Api.MasterData;
using InventoryRules.Rules.Validation;

namespace InventoryRules.Api.RuleSets;

/// <summary>Validates a stored or posted document against the schema, the expression sandbox and current master data.</summary>
public sealed class RuleSetChecks(MasterDataCache masterData)
{
    public async Task<IReadOnlyList<RuleProblem>> ValidateAsync(string documentJson, CancellationToken ct)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(documentJson);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return [new RuleProblem("", "malformed_json", ex.Message, RuleProblemCodes.Error)];
        }
        return RuleSetValidator.Validate(json, await ContextAsync(ct));
    }

    public async Task<RuleSetContext> ContextAsync(CancellationToken ct)
    {
        var snapshot = await masterData.GetAsync(ct);
        return new RuleSetContext(
            snapshot.Segments.Keys.ToHashSet(StringComparer.Ordinal),
            snapshot.Nodes.Keys.ToHashSet(StringComparer.Ordinal),
            snapshot.Items.Keys.ToHashSet(StringComparer.Ordinal),
            snapshot.Items.Values.Select(i => i.Category).ToHashSet(StringComparer.Ordinal),
            snapshot.Nodes.Values.Select(n => n.Country).ToHashSet(StringComparer.Ordinal));
    }

    public static bool Publishable(IReadOnlyList<RuleProblem> problems) => problems.All(p => p.Severity != RuleProblemCodes.Error);
}
