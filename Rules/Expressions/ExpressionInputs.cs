using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// The inputs one expression may read: a typed parameter per name for the parser (as RulesEngine's
/// <c>RuleParameter("item", value)</c> would make), and the <see cref="RuleInputs"/> property each
/// becomes once compiled. Also says, in planners' words, what an expression may do.
/// </summary>
internal sealed class ExpressionInputs
{
    static readonly FrozenDictionary<string, PropertyInfo> ByName = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal)
    {
        [InputNames.Order] = Property(nameof(RuleInputs.Order)),
        [InputNames.Line] = Property(nameof(RuleInputs.Line)),
        [InputNames.Item] = Property(nameof(RuleInputs.Item)),
        [InputNames.Node] = Property(nameof(RuleInputs.Node)),
        [InputNames.Position] = Property(nameof(RuleInputs.Position)),
        [InputNames.Customer] = Property(nameof(RuleInputs.Customer)),
        [InputNames.Context] = Property(nameof(RuleInputs.Context)),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The input classes (OrderInput, ItemInput, ...): the only types whose properties an expression may read.</summary>
    public static FrozenSet<Type> Types { get; } = ByName.Values.Select(p => p.PropertyType).ToFrozenSet();

    /// <summary>Every property name of every input class, so that e.g. <c>node.Type</c> is never mistaken for the type <c>Type</c>.</summary>
    public static FrozenSet<string> PropertyNames { get; } = Types
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Select(p => p.Name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public ExpressionInputs(IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var unknown = allowed.FirstOrDefault(n => !ByName.ContainsKey(n));
        if (unknown is not null)
            throw new ArgumentException($"'{unknown}' is not one of {nameof(InputNames)}.{nameof(InputNames.All)}.", nameof(allowed));
        Names = [.. allowed.Distinct(StringComparer.Ordinal)];
        Parameters = [.. Names.Select(n => Expression.Parameter(ByName[n].PropertyType, n))];
        Listed = Names.Count switch
        {
            0 => "no inputs",
            1 => Names[0],
            _ => string.Join(", ", Names.Take(Names.Count - 1)) + " and " + Names[^1],
        };
    }

    public IReadOnlyList<string> Names { get; }

    public ParameterExpression[] Parameters { get; }

    /// <summary>"item, node, position and context".</summary>
    public string Listed { get; }

    /// <summary>Ends every "not allowed" message, so that a planner learns what is allowed.</summary>
    public string Vocabulary =>
        $"expressions may only read {Listed}, use literals and operators, and call the allowed Math, string and date functions";

    public static PropertyInfo RuleInputsProperty(string name) => ByName[name];

    /// <summary>The input name of an input class ("item" for ItemInput, by type or by its CLR name), or null.</summary>
    public static string? InputNameOf(string typeName) =>
        ByName.FirstOrDefault(kv => kv.Value.PropertyType.Name == typeName).Key;

    /// <summary>The type of <c>input.Property</c> (the parser ignores case, so this does too), or null when there is none.</summary>
    public static Type? PropertyType(string input, string property) =>
        ByName.FirstOrDefault(kv => string.Equals(kv.Key, input, StringComparison.OrdinalIgnoreCase)).Value?.PropertyType
            .GetProperty(property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;

    static PropertyInfo Property(string name) => typeof(RuleInputs).GetProperty(name)!;
}
