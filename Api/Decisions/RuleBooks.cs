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
        if (!active.TryGetValue(segment, out var own)) return null;
        return new RuleBook(own, [.. active.Where(a => a.Key != segment).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value)]);
    }

    /// <summary>
    /// The rule book of an experiment arm: <paramref name="version"/> (any published or archived version of the
    /// segment) instead of the version in force, with the other segments' versions in force at <paramref name="at"/>.
    /// </summary>
    public async Task<RuleBook> WithVersionAsync(CompiledRuleSet version, string segment, DateTimeOffset at, CancellationToken ct)
    {
        var active = await catalog.ActiveForAllAsync(at, ct);
        return new RuleBook(version, [.. active.Where(a => a.Key != segment).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value)]);
    }

    /// <summary>Every segment's rule book at once (allocation runs mix segments).</summary>
    public async Task<IReadOnlyDictionary<string, RuleBook>> AllAsync(DateTimeOffset at, CancellationToken ct)
    {
        var active = await catalog.ActiveForAllAsync(at, ct);
        return active.ToDictionary(a => a.Key,
            a => new RuleBook(a.Value, [.. active.Where(o => o.Key != a.Key).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value)]),
            StringComparer.Ordinal);
    }
}
