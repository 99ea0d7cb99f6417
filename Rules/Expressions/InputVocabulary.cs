using System.ComponentModel;
using System.Reflection;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// What planners may read in expressions, in their words: every input of <see cref="InputNames.All"/>
/// with its properties, a type word and a description (the <see cref="DescriptionAttribute"/>s on the
/// input classes). Read by reflection over the same classes the compiler binds, so it cannot drift.
/// </summary>
public static class InputVocabulary
{
    public const string Text = "text";
    public const string TrueFalse = "true/false";
    public const string Number = "number";
    public const string Instant = "instant";
    public const string DateAndTime = "date and time";
    public const string ListOfText = "list of text";

    /// <summary>One input, e.g. <c>item</c>.</summary>
    public sealed record InputDescription(string Name, string Description, IReadOnlyList<InputProperty> Properties);

    /// <summary>One property an expression may read, e.g. <c>item.Sku</c>: its type in planner words.</summary>
    public sealed record InputProperty(string Name, string Type, string Description);

    /// <summary>Every input, in the order of <see cref="InputNames.All"/>; properties in declaration order.</summary>
    public static IReadOnlyList<InputDescription> All { get; } = [.. InputNames.All.Select(Describe)];

    /// <summary>The planner word for a property type; throws for a type an input class should not have.</summary>
    public static string TypeWord(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string)) return Text;
        if (type == typeof(bool)) return TrueFalse;
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double)) return Number;
        if (type == typeof(DateTimeOffset)) return Instant;
        // Local time in the network's zone, without an offset: not an instant.
        if (type == typeof(DateTime)) return DateAndTime;
        if (typeof(IEnumerable<string>).IsAssignableFrom(type)) return ListOfText;
        throw new InvalidOperationException($"no planner word for {type.Name}: add one to {nameof(InputVocabulary)}.{nameof(TypeWord)}");
    }

    static InputDescription Describe(string name)
    {
        var type = ExpressionInputs.RuleInputsProperty(name).PropertyType;
        return new InputDescription(name, DescriptionOf(type),
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                // Reflection promises no order; the metadata token follows the declaration.
                .OrderBy(p => p.MetadataToken)
                .Select(p => new InputProperty(p.Name, TypeWord(p.PropertyType), DescriptionOf(p))),
        ]);
    }

    static string DescriptionOf(MemberInfo member) =>
        member.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"{member.DeclaringType?.Name}.{member.Name} has no [Description] for planners");
}
