using InventoryRules.Engine.Stock;
using InventoryRules.Rules.Compilation;

namespace InventoryRules.Api.Stock;

/// <summary>
/// What a run read: the engine's input (positions in the store's key order), the held bucket each position
/// had when read, and the rule set in force per segment (whose id and version go with the stored rows).
/// </summary>
internal sealed record StockSnapshot(
    StockReevaluationInput Input,
    IReadOnlyDictionary<string, CompiledRuleSet> RuleSets,
    TimeSpan LoadTime);
