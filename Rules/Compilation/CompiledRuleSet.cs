using System.Collections.Frozen;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;
using InventoryRules.Rules.Validation;

namespace InventoryRules.Rules.Compilation;

/// <summary>
/// A published rule set version compiled once: every expression a delegate, rules grouped by kind in
/// document order. Immutable, so one instance serves every request on every thread; a new version is
/// a new instance swapped in whole.
/// </summary>
public sealed class CompiledRuleSet
{
    readonly FrozenDictionary<string, CompiledRule[]> byKind;

    CompiledRuleSet(string id, long version, RuleSetDocument document, IReadOnlyList<CompiledRule> rules)
    {
        Id = id;
        Version = version;
        Document = document;
        Rules = rules;
        byKind = rules.GroupBy(r => r.Rule.Kind).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Evaluator = RuleSetEvaluator.Build(rules);
    }

    /// <summary>All of this version's expressions as one delegate (the hot path: one call per candidate node).</summary>
    public RuleSetEvaluator Evaluator { get; }

    public string Id { get; }

    public string Segment => Document.Segment;

    public long Version { get; }

    public RuleSetDocument Document { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The rules of a kind in document order; an array, so that hot loops iterate without an enumerator.</summary>
    public CompiledRule[] OfKind(string kind) => byKind.TryGetValue(kind, out var rules) ? rules : [];

    /// <summary>The first enabled rule of the kind whose scope and condition match, for kinds where one rule decides.</summary>
    public CompiledRule? FirstMatch(string kind, RuleInputs inputs)
    {
        foreach (var rule in OfKind(kind))
        {
            if (rule.Matches(inputs)) return rule;
        }
        return null;
    }

    /// <summary>Compiles a document; a problem in any expression refuses the whole version.</summary>
    public static (CompiledRuleSet? RuleSet, IReadOnlyList<RuleProblem> Problems) Compile(string id, long version, RuleSetDocument document)
    {
        var problems = new List<RuleProblem>();
        var rules = new List<CompiledRule>(document.Rules.Count);
        for (var i = 0; i < document.Rules.Count; i++)
        {
            var rule = document.Rules[i];
            var at = $"/rules/{i}";
            var inputs = RuleKinds.InputsOf(rule.Kind);
            CompiledExpression<bool>? condition = null, eligible = null;
            var numbers = new Dictionary<string, CompiledExpression<double>>(StringComparer.Ordinal);
            foreach (var slot in RuleExpressions.Of(rule, at))
            {
                var path = slot.Pointer[(at.Length + 1)..];
                if (slot.ResultType == typeof(bool))
                {
                    var (compiled, problem) = SafeExpressions.Compile<bool>(slot.Text, inputs);
                    if (problem is not null) problems.Add(RuleSetValidator.Error(slot.Pointer, problem.Code, problem.Message));
                    else if (path == "condition") condition = compiled;
                    else eligible = compiled;
                }
                else
                {
                    var (compiled, problem) = SafeExpressions.Compile<double>(slot.Text, inputs);
                    if (problem is not null) problems.Add(RuleSetValidator.Error(slot.Pointer, problem.Code, problem.Message));
                    else numbers[path] = compiled!;
                }
            }
            rules.Add(new CompiledRule(rule, i, condition, eligible, numbers.ToFrozenDictionary(StringComparer.Ordinal)));
        }
        return problems.Count > 0 ? (null, problems) : (new CompiledRuleSet(id, version, document, rules), problems);
    }
}
