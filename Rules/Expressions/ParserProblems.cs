using System.Globalization;
using System.Linq.Dynamic.Core.Exceptions;
using System.Text.RegularExpressions;
using InventoryRules.Rules.Text;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// Turns what System.Linq.Dynamic.Core and System.Linq.Expressions throw for a bad expression into a
/// problem in planners' words: where it is (a character, counted from 1), what does not fit, and never a
/// .NET type name. The libraries' messages are matched by their English text; a message no pattern knows
/// still becomes a syntax problem, with its type names put into planner words.
/// </summary>
internal static partial class ParserProblems
{
    static readonly string[] Comparisons = ["==", "=", "!=", "<>", "<", ">", "<=", ">=", "eq", "ne", "lt", "le", "gt", "ge"];
    static readonly string[] Logical = ["&&", "||", "and", "or"];

    public static ExpressionProblem FromParser(ParseException e, string text, ExpressionInputs inputs)
    {
        var message = e.Message;
        var position = Math.Clamp(e.Position, 0, text.Length);
        if (UnknownIdentifier().Match(message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            return InputNames.All.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? new(ExpressionProblem.UnknownInput, $"This rule cannot read '{name}': it may read {inputs.Listed}.")
                : new(ExpressionProblem.UnknownInput,
                    $"'{name}' is not an input or a function: this rule may read {inputs.Listed} and call the allowed Math, string and date functions.");
        }
        if (NotAccessible().Match(message) is { Success: true } method)
            return new(ExpressionProblem.Forbidden, $"{method.Groups[2].Value}.{method.Groups[1].Value}() is not allowed: {inputs.Vocabulary}.");
        if (TypeNotFound().Match(message) is { Success: true } type)
            return new(ExpressionProblem.Forbidden, $"The type '{type.Groups[1].Value}' is not allowed: {inputs.Vocabulary}.");
        if (NoProperty().Match(message) is { Success: true } property)
            return UnknownProperty(property.Groups[2].Value, property.Groups[1].Value);
        if (BinaryOperator().Match(message) is { Success: true } binary)
            return new(ExpressionProblem.WrongType, $"{At(text, position)}: "
                + Mismatch(binary.Groups[1].Value, binary.Groups[2].Value, binary.Groups[3].Value, text, position));
        if (UnaryOperator().Match(message) is { Success: true } unary)
            return new(ExpressionProblem.WrongType,
                $"{At(text, position)}: '{unary.Groups[1].Value}' cannot be used on {Article(unary.Groups[2].Value)}");
        if (MustBeTrueOrFalse().IsMatch(message))
            return new(ExpressionProblem.WrongType,
                $"{At(text, position)}: the test of iif(...) or of '? :' must be true or false");
        if (NeitherConverts().Match(message) is { Success: true } results)
            return new(ExpressionProblem.WrongType, $"{At(text, position)}: the two possible results do not fit together: "
                + $"{Article(results.Groups[1].Value)} and {Article(results.Groups[2].Value)}");
        if (NoApplicableMethod().Match(message) is { Success: true } call)
            return new(ExpressionProblem.Syntax, $"{At(text, position)}: "
                + $"{(call.Groups[2].Value == "Math" ? "Math." : "")}{call.Groups[1].Value}() cannot take these values; "
                + "check how many there are and whether each is text, a number or true/false");
        return new(ExpressionProblem.Syntax, $"{At(text, position)}: {Reword(message, text, position)}");
    }

    /// <summary>For what System.Linq.Expressions and type converters throw once the parser has let a text through.</summary>
    public static ExpressionProblem FromException(Exception e, string text)
    {
        var message = e.Message;
        if (CompareNotFound().Match(message) is { Success: true } compare)
            return new(ExpressionProblem.WrongType, Comparison(null, compare.Groups[1].Value, compare.Groups[2].Value, text));
        if (OperatorNotDefined().Match(message) is { Success: true } binary)
        {
            var op = OperatorSymbol(binary.Groups[1].Value);
            return new(ExpressionProblem.WrongType, Comparisons.Contains(op)
                ? Comparison(op, binary.Groups[2].Value, binary.Groups[3].Value, text)
                : $"the types do not fit: '{op}' between {Article(binary.Groups[2].Value)} and {Article(binary.Groups[3].Value)}");
        }
        if (NotAValidValue().Match(message) is { Success: true } value)
        {
            var literal = value.Groups[1].Value;
            var at = text.IndexOf($"\"{literal}\"", StringComparison.Ordinal);
            return new(ExpressionProblem.WrongType, (at < 0 ? "" : $"at character {at + 1}: ")
                + $"the text \"{literal}\" is not {Article(value.Groups[2].Value)}, so it cannot be compared with one");
        }
        if (NoGenericMethod().Match(message) is { Success: true } generic)
            return new(ExpressionProblem.Syntax, $"The expression is not valid: there is no function {generic.Groups[1].Value}() for this value.");
        return new(ExpressionProblem.Syntax, $"The expression is not valid: {PlannerWords(message)}");
    }

    /// <summary>Any .NET type name in <paramref name="message"/> in planner words: String → text, ItemInput → item.</summary>
    public static string PlannerWords(string message)
    {
        var s = ClrTypeName().Replace(message, m => Word(m.Groups[1].Value));
        s = GenericName().Replace(s, "list");
        s = InputClassName().Replace(s, m => m.Groups[1].Value.ToLowerInvariant());
        s = OurName().Replace(s, "$1").Replace("RuleInputs", "the inputs", StringComparison.Ordinal);
        return OtherSystemName().Replace(s, "$1");
    }

    /// <summary>The one of <paramref name="names"/> closest to <paramref name="typed"/>, ignoring case, or null when none is close.</summary>
    public static string? Suggest(string typed, IEnumerable<string> names)
    {
        var best = names
            .Select((name, order) => (name, order, distance: EditDistance.Between(typed, name), prefix: CommonPrefix(typed, name)))
            .Where(c => c.distance <= Math.Max(2, typed.Length / 3) || c.prefix >= 3)
            .OrderBy(c => c.distance - c.prefix).ThenBy(c => c.distance).ThenBy(c => c.order)
            .FirstOrDefault();
        return best.name;
    }

    static ExpressionProblem UnknownProperty(string clrType, string name)
    {
        if (ExpressionInputs.InputNameOf(clrType) is not { } input)
            return new(ExpressionProblem.UnknownProperty, $"{Article(clrType)} has no property '{name}'.");
        var properties = InputVocabulary.All.Single(d => d.Name == input).Properties.Select(p => p.Name).ToList();
        var suggestion = Suggest(name, properties);
        return new(ExpressionProblem.UnknownProperty, $"{input} has no property '{name}'. "
            + (suggestion is null ? "" : $"Did you mean '{suggestion}'? ")
            + $"{input} has: {string.Join(", ", properties)}.");
    }

    static string Mismatch(string op, string left, string right, string text, int position)
    {
        // Name the operands only when the text at the position is this operator and each operand's type
        // is the one the parser reports: `a * 2 == b` fails at == with a left side that is more than `2`.
        var atOperator = string.Compare(text, position, op, 0, op.Length, StringComparison.OrdinalIgnoreCase) == 0;
        var l = atOperator ? Operand(LeftOperand().Match(text[..position]), left) : "";
        var r = atOperator ? Operand(RightOperand().Match(text[(position + op.Length)..]), right) : "";
        if (Comparisons.Contains(op, StringComparer.OrdinalIgnoreCase))
            return $"cannot compare {Article(left)}{l} with {Article(right)}{r}" + (Word(left) == Word(right) ? $" using '{op}'" : "");
        if (Logical.Contains(op, StringComparer.OrdinalIgnoreCase))
            return $"'{op}' needs true/false on both sides, but here has {Article(left)}{l} and {Article(right)}{r}";
        return $"cannot use '{op}' on {Article(left)}{l} and {Article(right)}{r}: arithmetic works on numbers";
    }

    /// <summary>"cannot compare text (item.Sku) with a number (3)", found in the text since the exception has no position.</summary>
    static string Comparison(string? op, string left, string right, string text)
    {
        foreach (Match m in SimpleComparison().Matches(text))
        {
            if ((op is not null && !string.Equals(Normalize(m.Groups[2].Value), op, StringComparison.Ordinal))
                || Operand(m.Groups[1], left) == "" || Operand(m.Groups[3], right) == "")
                continue;
            return $"at character {m.Index + 1}: cannot compare {Article(left)}{Operand(m.Groups[1], left)} "
                + $"with {Article(right)}{Operand(m.Groups[3], right)}" + (Word(left) == Word(right) ? $" using '{m.Groups[2].Value}'" : "");
        }
        return $"the types do not fit: cannot compare {Article(left)} with {Article(right)}" + (op is null ? "" : $" using '{op}'");
    }

    /// <summary>" (item.Sku)" when the operand's type is the one the message names, else "".</summary>
    static string Operand(Group token, string clrType)
    {
        if (!token.Success) return "";
        var t = token.Value.Trim();
        var word = t switch
        {
            _ when t.StartsWith('"') || t.StartsWith('\'') => Word("String"),
            _ when char.IsDigit(t[0]) => Word("Int32"),
            _ when t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("false", StringComparison.OrdinalIgnoreCase) => Word("Boolean"),
            _ when t.Split('.') is [var input, var property] && ExpressionInputs.PropertyType(input, property) is { } type => Word(TypeName(type)),
            _ => null,
        };
        return word == Word(clrType) ? $" ({t})" : "";
    }

    static string TypeName(Type t) =>
        t.IsGenericType ? t.Name : (Nullable.GetUnderlyingType(t) ?? t).Name;

    static string At(string text, int position) =>
        position >= text.Length ? $"at character {position + 1} (the end)" : $"at character {position + 1}";

    static string Reword(string message, string text, int position) => message switch
    {
        "Expression expected" => PreviousOperator().Match(text[..position]) is { Success: true } op
            ? $"an expression was expected after '{op.Groups[1].Value}'" : "an expression was expected",
        "')' or operator expected" => "a closing ')' or an operator was expected",
        "')' or ',' expected" => "a closing ')' or ',' was expected",
        "Identifier expected" => "a name was expected",
        "Unterminated string literal" => "a text in quotes is not closed",
        "Syntax error" => position < text.Length ? $"'{text[position]}' is not understood here" : "the expression is not complete",
        _ => PlannerWords(message),
    };

    /// <summary>"a number", "text", "item": the planner word with the article it needs in a sentence.</summary>
    static string Article(string clrType) => Word(clrType) switch
    {
        "number" or "date and time" or "time span" or "list" or "value" or "character" or "identifier" => "a " + Word(clrType),
        var w when InputNames.All.Contains(w) => $"the whole {w}",
        var w => w,
    };

    static string Word(string clrType)
    {
        var name = clrType[(clrType.LastIndexOf('.') + 1)..];
        return name switch
        {
            "String" => InputVocabulary.Text,
            "Boolean" => InputVocabulary.TrueFalse,
            "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" or "Int64" or "UInt64" or "Single" or "Double" or "Decimal"
                => InputVocabulary.Number,
            "DateTime" or "DateTimeOffset" => InputVocabulary.DateAndTime,
            "TimeSpan" => "time span",
            "Char" => "character",
            "Object" => "value",
            "Guid" => "identifier",
            "Enumerable" => "list",
            _ when name.Contains('`', StringComparison.Ordinal) => "list",
            _ => ExpressionInputs.InputNameOf(name) ?? name,
        };
    }

    static string OperatorSymbol(string expressionType) => expressionType switch
    {
        "Equal" => "==", "NotEqual" => "!=", "LessThan" => "<", "LessThanOrEqual" => "<=", "GreaterThan" => ">",
        "GreaterThanOrEqual" => ">=", "Add" => "+", "Subtract" => "-", "Multiply" => "*", "Divide" => "/", "Modulo" => "%",
        "AndAlso" => "&&", "OrElse" => "||", "And" => "&", "Or" => "|",
        var other => other,
    };

    static string Normalize(string op) => op.ToLowerInvariant() switch
    {
        "=" or "eq" => "==", "<>" or "ne" => "!=", "lt" => "<", "le" => "<=", "gt" => ">", "ge" => ">=",
        var other => other,
    };

    static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && char.ToLowerInvariant(a[n]) == char.ToLowerInvariant(b[n])) n++;
        return n;
    }

    [GeneratedRegex(@"^Unknown identifier '([^']*)'")]
    private static partial Regex UnknownIdentifier();

    [GeneratedRegex(@"^Method '([^']*)' on type '([^']*)' is not accessible")]
    private static partial Regex NotAccessible();

    [GeneratedRegex(@"^Type '([^']*)' not found")]
    private static partial Regex TypeNotFound();

    [GeneratedRegex(@"^No property or field '([^']*)' exists in type '([^']*)'")]
    private static partial Regex NoProperty();

    [GeneratedRegex(@"^Operator '([^']*)' incompatible with operand types '([^']*)' and '([^']*)'")]
    private static partial Regex BinaryOperator();

    [GeneratedRegex(@"^Operator '([^']*)' incompatible with operand type '([^']*)'")]
    private static partial Regex UnaryOperator();

    [GeneratedRegex(@"^The first expression must be of type 'Boolean'")]
    private static partial Regex MustBeTrueOrFalse();

    [GeneratedRegex(@"^Neither of the types '([^']*)' and '([^']*)' converts to the other")]
    private static partial Regex NeitherConverts();

    [GeneratedRegex(@"^No applicable method '([^']*)' exists in type '([^']*)'")]
    private static partial Regex NoApplicableMethod();

    [GeneratedRegex(@"^Method 'Compare' not found on type '([^']*)' or '([^']*)'")]
    private static partial Regex CompareNotFound();

    [GeneratedRegex(@"^The binary operator (\w+) is not defined for the types '([^']*)' and '([^']*)'")]
    private static partial Regex OperatorNotDefined();

    [GeneratedRegex(@"^(.*) is not a valid value for (\w+)\.")]
    private static partial Regex NotAValidValue();

    [GeneratedRegex(@"^No generic method '([^']*)'")]
    private static partial Regex NoGenericMethod();

    const string Token = @"""[^""]*""|'[^']*'|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|\d[\w.]*";

    // An operand next to an arithmetic operator is only part of the operator's side: `a + 1 > b` compares `a + 1`.
    [GeneratedRegex($@"(?<![\w.""'])(?<![+\-*/%]\s*)({Token})\s*$")]
    private static partial Regex LeftOperand();

    [GeneratedRegex($@"^\s*({Token})(?![\w.(])(?!\s*[+\-*/%(])")]
    private static partial Regex RightOperand();

    [GeneratedRegex($@"(?<![\w.""'])(?<![+\-*/%]\s*)({Token})\s*(==|!=|<>|<=|>=|<|>|=|\beq\b|\bne\b|\blt\b|\ble\b|\bgt\b|\bge\b)\s*({Token})(?![\w.(])(?!\s*[+\-*/%(])",
        RegexOptions.IgnoreCase)]
    private static partial Regex SimpleComparison();

    [GeneratedRegex(@"(==|!=|<>|<=|>=|&&|\|\||[-+*/%<>=!?:,(]|\b(?:and|or|not|in)\b)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PreviousOperator();

    [GeneratedRegex(@"\b(?:System\.(?:\w+\.)*)?(String|Char|Boolean|S?Byte|U?Int16|U?Int32|U?Int64|Single|Double|Decimal|DateTimeOffset|DateTime|TimeSpan|Object|Guid|Enumerable)\b")]
    private static partial Regex ClrTypeName();

    [GeneratedRegex(@"\b(?:System\.(?:\w+\.)*)?\w+`\d+(?:\[[^\]]*\])?")]
    private static partial Regex GenericName();

    [GeneratedRegex(@"\b(?:InventoryRules\.(?:\w+\.)*)?(Order|Line|Item|Node|Position|Customer|Context)Input\b")]
    private static partial Regex InputClassName();

    [GeneratedRegex(@"\bInventoryRules\.(?:\w+\.)*(\w+)")]
    private static partial Regex OurName();

    [GeneratedRegex(@"\bSystem\.(?:\w+\.)*(\w+)")]
    private static partial Regex OtherSystemName();
}
