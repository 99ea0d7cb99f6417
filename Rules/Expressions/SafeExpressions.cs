using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// Checks and compiles planner expressions (conditions and scores, DESIGN.md "Planner expressions are
/// untrusted input"). An expression means what it means in RulesEngine: it is parsed by the same
/// System.Linq.Dynamic.Core parser with the same named, typed inputs, under a configuration that only
/// refuses more, never reads differently. Then, in order, each step refusing with a value:
/// <list type="number">
/// <item>a linear scan of the text (<see cref="ExpressionText"/>): nesting, literals, length, hostile names;</item>
/// <item>the restricted parser (<see cref="NoTypesProvider"/>, no <c>new</c>, no casts by type name);</item>
/// <item>the allow-list walk of the tree (<see cref="ExpressionAllowList"/>), the security boundary;</item>
/// <item>the result type the field needs: true/false for conditions, a number for scores.</item>
/// </list>
/// Thread-safe: no shared mutable state; each call builds its own parser configuration.
/// </summary>
public static class SafeExpressions
{
    /// <summary>
    /// Compiles <paramref name="text"/> for <typeparamref name="T"/> = <see cref="bool"/> (conditions) or
    /// <see cref="double"/> (scores and quantities; int, long, decimal and other numeric results are
    /// converted). Never throws for a bad expression: that is a problem value.
    /// </summary>
    /// <param name="allowedInputs">Names from <see cref="InputNames"/> the rule's kind may read (<see cref="RuleKinds.InputsOf"/>).</param>
    public static (CompiledExpression<T>? Expression, ExpressionProblem? Problem) Compile<T>(string? text, IReadOnlyList<string> allowedInputs)
    {
        var (body, problem) = Analyze(text, new ExpressionInputs(allowedInputs), typeof(T));
        return problem is null
            ? (new CompiledExpression<T>(text!, InputRewriter.ToRuleInputs<T>(body!)), null)
            : (null, problem);
    }

    /// <summary>The problems of <paramref name="text"/> (none or one) without compiling a delegate.</summary>
    /// <param name="resultType"><see cref="bool"/> for a condition, <see cref="double"/> for a score.</param>
    public static IReadOnlyList<ExpressionProblem> Check(string? text, IReadOnlyList<string> allowedInputs, Type resultType)
    {
        var (_, problem) = Analyze(text, new ExpressionInputs(allowedInputs), resultType);
        return problem is null ? [] : [problem];
    }

    /// <summary>
    /// The parser configuration. RulesEngine 6 uses <c>new ParsingConfig { CustomTypeProvider = new
    /// CustomTypeProvider(customTypes), IsCaseSensitive = reSettings.IsExpressionCaseSensitive }</c>; every
    /// difference here only makes more texts fail to parse, so an expression that parses here means the same there.
    /// </summary>
    internal static ParsingConfig ParsingConfig() => new()
    {
        CustomTypeProvider = new NoTypesProvider(),
        IsCaseSensitive = false, // RulesEngine's default (ReSettings.IsExpressionCaseSensitive = false)
        DisallowNewKeyword = true,
        AllowNewToEvaluateAnyType = false,
        SupportCastingToFullyQualifiedTypeAsString = false,
        DisableMemberAccessToIndexAccessorFallback = true,
        ResolveTypesBySimpleName = false,
        LoadAdditionalAssembliesFromCurrentDomainBaseDirectory = false,
        AllowEqualsAndToStringMethodsOnObject = false,
        AreContextKeywordsEnabled = false,
    };

    internal static (Expression? Body, ExpressionProblem? Problem) Analyze(string? text, ExpressionInputs inputs, Type resultType)
    {
        if (resultType != typeof(bool) && resultType != typeof(double))
            throw new NotSupportedException($"Expressions compile to bool or double, not {resultType.Name}.");
        if (string.IsNullOrWhiteSpace(text))
            return (null, new(ExpressionProblem.Empty, "The expression is empty."));
        // The scan runs before the length check so that a long literal or deep nesting is named as such,
        // but it never reads an absurdly long text.
        if (text.Length > 16 * ExpressionLimits.MaxLength)
            return (null, TooLong(text));
        if (ExpressionText.Scan(text, inputs) is { } early)
            return (null, early);
        if (text.Length > ExpressionLimits.MaxLength)
            return (null, TooLong(text));

        LambdaExpression parsed;
        try
        {
            parsed = DynamicExpressionParser.ParseLambda(ParsingConfig(), false, inputs.Parameters, null, text);
        }
        catch (ParseException e)
        {
            return (null, ParserProblems.FromParser(e, text, inputs));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Expression.Equal and friends throw InvalidOperationException for operand types the parser let
            // through, type converters FormatException for DateTime("garbage"); whatever it is, the text is refused.
            return (null, ParserProblems.FromException(e, text));
        }

        if (ExpressionAllowList.Check(parsed.Body, inputs, inputs.Parameters) is { } forbidden)
            return (null, forbidden);
        return ToResultType(parsed.Body, resultType);
    }

    static ExpressionProblem TooLong(string text) =>
        new(ExpressionProblem.TooLong, $"The expression has {text.Length:N0} characters: at most {ExpressionLimits.MaxLength:N0}.");

    static (Expression? Body, ExpressionProblem? Problem) ToResultType(Expression body, Type resultType)
    {
        if (resultType == typeof(bool))
            return body.Type == typeof(bool) ? (body, null)
                : (null, new(ExpressionProblem.WrongType, $"A condition must be true or false, but this expression gives {Describe(body.Type)}."));
        if (body.Type == typeof(double)) return (body, null);
        return IsNumber(body.Type) ? (Expression.Convert(body, typeof(double)), null)
            : (null, new(ExpressionProblem.WrongType, $"A score must be a number, but this expression gives {Describe(body.Type)}."));
    }

    static bool IsNumber(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(float) || t == typeof(short)
        || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong);

    static string Describe(Type t) => t switch
    {
        _ when t == typeof(bool) => "true/false",
        _ when t == typeof(double) || IsNumber(t) => "a number",
        _ when t == typeof(string) => "text",
        _ when t == typeof(DateTime) => "a date",
        _ when t == typeof(TimeSpan) => "a time span",
        _ when Nullable.GetUnderlyingType(t) is { } u => $"a value that may be empty ({Describe(u)})",
        _ when typeof(IEnumerable<string>).IsAssignableFrom(t) => "a list of text",
        _ when ExpressionInputs.InputNameOf(t.Name) is { } input => $"the whole {input}, not one of its properties",
        _ => "a " + ParserProblems.PlannerWords(ExpressionAllowList.Name(t)),
    };
}
