using InventoryRules.Api.RuleSets;
using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Compilation;

namespace InventoryRules.Api.Decisions;

/// <summary>The rule book of a segment at an instant: its version in force plus the other segments' (for their holds).</summary>
public sealed class RuleBooks(RuleSetCatalog catalog)
{
    /// <summary>Null when no version is in force for <paramref name="segment"/>.</summary>
    public async Task<RuleBook?> ForAsync(string segment, DateTimeOffset at, CancellationToken ct)
    {
        var active = await catalog.ActiveForAllAsync(at, ct);
        return active.TryGetValue(segment, out var own) ? Book(own, segment, active) : null;
    }

    /// <summary>
    /// The rule book of an experiment arm: <paramref name="version"/> (any published or archived version of the
    /// segment) instead of the version in force, with the other segments' versions in force at <paramref name="at"/>.
    /// </summary>
    public async Task<RuleBook> WithVersionAsync(CompiledRuleSet version, string segment, DateTimeOffset at, CancellationToken ct)
    {
        return Book(version, segment, await catalog.ActiveForAllAsync(at, ct));
    }

    /// <summary>Every segment's rule book at once (allocation runs mix segments).</summary>
    public async Task<IReadOnlyDictionary<string, RuleBook>> AllAsync(DateTimeOffset at, CancellationToken ct)
    {
        var active = await catalog.ActiveForAllAsync(at, ct);
        return active.ToDictionary(a => a.Key, a => Book(a.Value, a.Key, active), StringComparer.Ordinal);
    }

    /// <summary><paramref name="own"/> for <paramref name="segment"/>, beside every other segment's version in force, in code order.</summary>
    static RuleBook Book(CompiledRuleSet own, string segment, IReadOnlyDictionary<string, CompiledRuleSet> active) =>
        new(own, [.. active.Where(a => a.Key != segment).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value)]);
}
