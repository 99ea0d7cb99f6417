using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// Walks a parsed expression tree and accepts only what is listed here; everything else is refused
/// with a message naming it. This, not the parser's configuration, is the security boundary.
///
/// Why evaluation cost is bounded: the accepted tree has at most <see cref="ExpressionLimits.MaxNodes"/>
/// nodes and no node that repeats work: no lambdas (so no LINQ operator can loop), no loops, gotos,
/// blocks, delegate invocations or constructors. Each accepted method does constant work (Math, date
/// arithmetic) or work linear in one input value (string comparisons, membership in an input list or a
/// literal list). Only case conversions and Trim allocate (at most the size of their input string), and
/// so does an <c>in</c> list of non-literal values (a small array; literal lists are built once at compile
/// time). Nothing can grow a string (no Concat, +, PadLeft, Replace, Repeat, new string), so one
/// evaluation costs at most the node count times the size of the largest input.
/// </summary>
internal sealed class ExpressionAllowList
{
    static readonly FrozenSet<Type> Scalars = new[]
    {
        typeof(bool), typeof(char), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        typeof(DateTime), typeof(TimeSpan), typeof(DayOfWeek), typeof(StringComparison), typeof(MidpointRounding),
    }.ToFrozenSet();

    static readonly FrozenSet<Type> Numbers = new[]
    {
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
        typeof(ulong), typeof(float), typeof(double), typeof(decimal),
    }.ToFrozenSet();

    static readonly FrozenDictionary<Type, FrozenSet<string>> Methods = new Dictionary<Type, string[]>
    {
        [typeof(Math)] = ["Min", "Max", "Abs", "Round", "Floor", "Ceiling", "Sqrt", "Log", "Log10", "Exp", "Pow", "Sign", "Truncate", "Clamp"],
        [typeof(string)] = ["StartsWith", "EndsWith", "Contains", "Equals", "CompareTo", "Compare", "IsNullOrEmpty", "IsNullOrWhiteSpace",
            "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant", "Trim"],
        [typeof(DateTime)] = ["AddDays", "AddHours", "AddMinutes"],
        // Membership only: `x in ("a", "b")` and `node.Capabilities.Contains("cold_chain")` both become Enumerable.Contains.
        [typeof(Enumerable)] = ["Contains"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal));

    static readonly FrozenDictionary<Type, FrozenSet<string>> Members = new Dictionary<Type, string[]>
    {
        [typeof(string)] = ["Length"],
        [typeof(IReadOnlyCollection<string>)] = ["Count"],
        [typeof(DateTime)] = ["Year", "Month", "Day", "Hour", "Minute", "Second", "DayOfWeek", "DayOfYear", "Date", "TimeOfDay"],
        [typeof(TimeSpan)] = ["Days", "Hours", "Minutes", "Seconds", "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds"],
        [typeof(Math)] = ["PI", "E"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal));

    // Types whose operators (op_Addition, op_Equality, op_Explicit...) the parser may call.
    static readonly FrozenSet<Type> OperatorTypes = new[] { typeof(decimal), typeof(DateTime), typeof(TimeSpan), typeof(string) }.ToFrozenSet();

    static readonly FrozenSet<Type> InputPropertyTypes = ExpressionInputs.Types
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Select(p => p.PropertyType).ToFrozenSet();

    readonly ExpressionInputs inputs;
    readonly HashSet<ParameterExpression> parameters;
    int nodes;

    ExpressionAllowList(ExpressionInputs inputs, IEnumerable<ParameterExpression> parameters)
    {
        this.inputs = inputs;
        this.parameters = [.. parameters];
    }

    /// <summary>The first thing in <paramref name="body"/> that is not allowed, or null.</summary>
    public static ExpressionProblem? Check(Expression body, ExpressionInputs inputs, IEnumerable<ParameterExpression> parameters) =>
        new ExpressionAllowList(inputs, parameters).Walk(body, 1);

    /// <summary>True for the types an accepted node may have: plain values, the inputs and their lists.</summary>
    public static bool IsAllowedType(Type t) =>
        IsScalar(t) || t == typeof(string) || ExpressionInputs.Types.Contains(t) || InputPropertyTypes.Contains(t)
        || (t.IsArray && t.GetArrayRank() == 1 && (IsScalar(t.GetElementType()!) || t.GetElementType() == typeof(string)));

    ExpressionProblem? Walk(Expression? e, int depth)
    {
        if (e is null) return null;
        if (++nodes > ExpressionLimits.MaxNodes)
            return new(ExpressionProblem.TooLong, $"The expression has more than {ExpressionLimits.MaxNodes} operations.");
        if (depth > ExpressionLimits.MaxTreeDepth)
            return new(ExpressionProblem.TooDeep, $"The expression nests operations more than {ExpressionLimits.MaxTreeDepth} deep.");

        var problem = e switch
        {
            ConstantExpression c => CheckConstant(c),
            ParameterExpression p => parameters.Contains(p) ? null : Forbid($"The name '{p.Name}'"),
            // Operands before the node itself, so that the message names what the planner wrote first:
            // `"".GetType().Assembly` names GetType(), `Guid.NewGuid() != x` names NewGuid, not Guid's != operator.
            MemberExpression m => Walk(m.Expression, depth + 1) ?? CheckMember(m),
            MethodCallExpression call => Walk(call.Object, depth + 1) ?? WalkAll(call.Arguments, depth + 1) ?? CheckMethod(call.Method),
            UnaryExpression u => Walk(u.Operand, depth + 1) ?? CheckUnary(u),
            BinaryExpression b => Walk(b.Left, depth + 1) ?? Walk(b.Right, depth + 1) ?? CheckBinary(b),
            ConditionalExpression c => Walk(c.Test, depth + 1) ?? Walk(c.IfTrue, depth + 1) ?? Walk(c.IfFalse, depth + 1),
            NewArrayExpression { NodeType: ExpressionType.NewArrayInit } a => WalkAll(a.Expressions, depth + 1),
            DefaultExpression => null,
            LambdaExpression => Forbid("A lambda (a function inside the expression)", "expressions cannot loop over collections"),
            NewExpression n => Forbid($"Creating a {Name(n.Type)} (new or {Name(n.Type)}(...))"),
            MemberInitExpression or ListInitExpression or NewArrayExpression => Forbid($"Creating a {Name(e.Type)}"),
            TypeBinaryExpression => Forbid("A type test (is)"),
            InvocationExpression => Forbid("Invoking a delegate"),
            IndexExpression => Forbid("Indexing"),
            _ => Forbid($"The {e.NodeType} construct"),
        };
        if (problem is not null) return problem;
        // Whatever the node, its value must be a plain value or an input: never a Type, Assembly, object, Uri...
        if (e is ConstantExpression { Value: null }) return null;
        return IsAllowedType(e.Type) ? null : Forbid($"A value of type {Name(e.Type)}");
    }

    ExpressionProblem? WalkAll(IReadOnlyList<Expression> list, int depth)
    {
        foreach (var e in list)
            if (Walk(e, depth) is { } p) return p;
        return null;
    }

    ExpressionProblem? CheckConstant(ConstantExpression c)
    {
        switch (c.Value)
        {
            // DateTime("2025-12-24") and TimeSpan("1.00:00") are parsed into constants by the parser itself.
            case null or bool or char or DayOfWeek or StringComparison or MidpointRounding or DateTime or TimeSpan:
                return null;
            case string s:
                return s.Length <= ExpressionLimits.MaxTextLiteral ? null
                    : new(ExpressionProblem.Literal, $"A text literal of {s.Length:N0} characters is too long: at most {ExpressionLimits.MaxTextLiteral:N0}.");
            case var v when Numbers.Contains(v.GetType()):
                var d = Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
                return double.IsFinite(d) && Math.Abs(d) <= ExpressionLimits.MaxNumber ? null
                    : new(ExpressionProblem.Literal, $"The number {v} is too large: numbers in expressions are at most {ExpressionLimits.MaxNumber:0.#e0}.");
            default:
                return Forbid($"A {Name(c.Type)} value");
        }
    }

    ExpressionProblem? CheckMember(MemberExpression m)
    {
        var type = m.Member.DeclaringType!;
        var isStatic = m.Expression is null;
        var allowed = m.Member switch
        {
            PropertyInfo p when ExpressionInputs.Types.Contains(type) => !isStatic && p.GetMethod is { IsPublic: true },
            PropertyInfo or FieldInfo => (isStatic == (type == typeof(Math))) && Members.TryGetValue(type, out var names) && names.Contains(m.Member.Name),
            _ => false,
        };
        return allowed ? null : Forbid($"{Name(type)}.{m.Member.Name}");
    }

    ExpressionProblem? CheckMethod(MethodInfo method)
    {
        var type = method.DeclaringType!;
        var allowed = Methods.TryGetValue(type, out var names) && names.Contains(method.Name)
            && method.GetParameters().All(p => !p.ParameterType.IsByRef && IsArgumentType(p.ParameterType))
            && (!method.IsGenericMethod || (type == typeof(Enumerable) && method.GetParameters().Length == 2));
        return allowed ? null : Forbid($"{Name(type)}.{method.Name}()");
    }

    ExpressionProblem? CheckUnary(UnaryExpression u)
    {
        switch (u.NodeType)
        {
            case ExpressionType.Not or ExpressionType.Negate or ExpressionType.NegateChecked or ExpressionType.UnaryPlus:
                return CheckOperator(u.Method);
            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                // Numeric widening and narrowing only: never to object, an input type or any other class.
                var from = Nullable.GetUnderlyingType(u.Operand.Type) ?? u.Operand.Type;
                var to = Nullable.GetUnderlyingType(u.Type) ?? u.Type;
                return IsScalar(from) && IsScalar(to) ? CheckOperator(u.Method)
                    : Forbid($"Converting {Name(u.Operand.Type)} to {Name(u.Type)}");
            case ExpressionType.TypeAs:
                return Forbid($"A cast to {Name(u.Type)} (as)");
            default:
                return Forbid($"The {u.NodeType} operator");
        }
    }

    ExpressionProblem? CheckBinary(BinaryExpression b)
    {
        switch (b.NodeType)
        {
            case ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked
                or ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo
                or ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.And or ExpressionType.Or
                or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.Coalesce:
                return b.Conversion is null ? CheckOperator(b.Method) : Forbid("A conversion lambda");
            default:
                return Forbid($"The {b.NodeType} operator");
        }
    }

    ExpressionProblem? CheckOperator(MethodInfo? method) =>
        method is null || (OperatorTypes.Contains(method.DeclaringType!) && method.Name.StartsWith("op_", StringComparison.Ordinal))
            ? null
            : Forbid($"{Name(method.DeclaringType!)}.{method.Name}()");

    static bool IsScalar(Type t) => Scalars.Contains(Nullable.GetUnderlyingType(t) ?? t);

    static bool IsArgumentType(Type t) =>
        IsScalar(t) || t == typeof(string)
        || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            && t.GenericTypeArguments[0] is var element && (IsScalar(element) || element == typeof(string)));

    ExpressionProblem Forbid(string what, string? why = null) =>
        new(ExpressionProblem.Forbidden, $"{what} is not allowed: {(why is null ? "" : why + "; ")}{inputs.Vocabulary}.");

    /// <summary>A type as a planner (or a C# reader) would write it.</summary>
    public static string Name(Type t) => t switch
    {
        _ when t == typeof(string) => "string",
        _ when t == typeof(object) => "object",
        _ when t == typeof(bool) => "bool",
        _ when t == typeof(int) => "int",
        _ when t == typeof(long) => "long",
        _ when t == typeof(double) => "double",
        _ when t == typeof(decimal) => "decimal",
        _ when Nullable.GetUnderlyingType(t) is { } u => Name(u) + "?",
        { IsGenericType: true } => t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]
                                   + "<" + string.Join(", ", t.GenericTypeArguments.Select(Name)) + ">",
        _ => t.Name,
    };
}
