using System.Collections.Frozen;
using System.Globalization;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// One linear, non-recursive pass over the text before the parser sees it. It enforces what must hold
/// before a recursive-descent parser runs (nesting, so 10,000 parentheses cannot overflow the stack;
/// huge literals; length) and names the obviously hostile words with a clear message. It is not the
/// security boundary: the restricted parser and the allow-list walk of the parsed tree are; this pass
/// only makes refusals earlier and clearer.
/// </summary>
internal static class ExpressionText
{
    // Names that are never an input, an allowed function or an allowed type, written where an input
    // would stand (not after a dot). Compared case-insensitively, as the parser resolves names.
    static readonly FrozenSet<string> ForbiddenNames = new[]
    {
        "System", "Microsoft", "typeof", "sizeof", "nameof", "new", "as", "is", "cast", "object", "dynamic",
        "Type", "Assembly", "Activator", "AppDomain", "AppContext", "Environment", "Process", "Console",
        "File", "Directory", "Path", "Stream", "IO", "Net", "Http", "HttpClient", "WebClient", "Socket",
        "Reflection", "Runtime", "Marshal", "Unsafe", "Buffer", "Array", "GC", "Thread", "ThreadPool", "Task",
        "Parallel", "Timer", "Monitor", "Interlocked", "Enumerable", "Queryable", "Expression", "Delegate",
        "Func", "Action", "Registry",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Reflection and escape hatches written after a dot.
    static readonly FrozenSet<string> ForbiddenMembers = new[]
    {
        "GetType", "Assembly", "Module", "Invoke", "DynamicInvoke", "GetMethod", "GetMethods", "GetProperty",
        "GetProperties", "GetField", "GetFields", "GetMember", "GetMembers", "GetConstructor", "GetConstructors",
        "CreateInstance", "CreateDelegate", "DefinedTypes", "ExportedTypes", "GetTypes", "CurrentDomain",
        "BaseType", "DeclaringType", "ReflectedType", "UnderlyingSystemType", "TypeHandle", "MethodHandle",
        "CustomAttributes", "GetCustomAttributes", "InvokeMember",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static ExpressionProblem? Scan(string text, ExpressionInputs inputs)
    {
        int nesting = 0, conditionals = 0;
        var afterDot = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            if (c is '"' or '\'')
            {
                var (end, length) = SkipTextLiteral(text, i);
                if (length > ExpressionLimits.MaxTextLiteral)
                    return new(ExpressionProblem.Literal,
                        $"A text literal of {length:N0} characters is too long: at most {ExpressionLimits.MaxTextLiteral:N0}.");
                i = end;
                afterDot = false;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var end = SkipNumber(text, i);
                if (NumberProblem(text[i..end]) is { } literal) return literal;
                i = end;
                afterDot = false;
                continue;
            }

            if (char.IsLetter(c) || c is '_' or '@')
            {
                var end = i + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
                var name = text[i..end];
                if (NameProblem(name, afterDot, FollowedByCall(text, end), inputs) is { } forbidden) return forbidden;
                i = end;
                afterDot = false;
                continue;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    if (++nesting > ExpressionLimits.MaxNesting)
                        return new(ExpressionProblem.TooDeep,
                            $"The expression nests brackets more than {ExpressionLimits.MaxNesting} deep.");
                    break;
                case ')' or ']' or '}':
                    nesting = Math.Max(0, nesting - 1); // unbalanced brackets are the parser's syntax error to report
                    break;
                case '?' when NextIs(text, i + 1, '.'): // ?. is member access, not a conditional
                    i += 2;
                    afterDot = true;
                    continue;
                case '?' when NextIs(text, i + 1, '?'): // ?? is not a conditional either
                    i++;
                    break;
                case '?':
                    if (++conditionals > ExpressionLimits.MaxConditionals)
                        return new(ExpressionProblem.TooDeep,
                            $"The expression has more than {ExpressionLimits.MaxConditionals} conditionals (?:).");
                    break;
                case '=' when NextIs(text, i + 1, '>'):
                    return new(ExpressionProblem.Forbidden,
                        $"Lambdas (=>) are not allowed: expressions cannot loop over collections; {inputs.Vocabulary}.");
            }
            afterDot = c == '.';
            i++;
        }
        return null;
    }

    static ExpressionProblem? NameProblem(string name, bool afterDot, bool called, ExpressionInputs inputs)
    {
        // After a dot, an input's own property (node.Type) is never refused; where an input would stand, `Type` is.
        var forbidden = afterDot
            ? ForbiddenMembers.Contains(name) && !ExpressionInputs.PropertyNames.Contains(name)
            : ForbiddenNames.Contains(name);
        if (!forbidden) return null;
        var shown = called ? name + "()" : name;
        return new(ExpressionProblem.Forbidden, $"{shown} is not allowed: {inputs.Vocabulary}.");
    }

    /// <summary>Returns the index after the literal and the number of characters in it (an escape counts once).</summary>
    static (int End, int Length) SkipTextLiteral(string text, int start)
    {
        var quote = text[start];
        int i = start + 1, length = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\') { i += 2; length++; continue; }
            if (text[i] == quote)
            {
                // A doubled quote continues the literal: count it as one, never as a fresh short literal.
                if (NextIs(text, i + 1, quote)) { i += 2; length++; continue; }
                return (i + 1, length);
            }
            i++;
            length++;
        }
        return (text.Length, length); // unterminated: the parser reports it
    }

    static int SkipNumber(string text, int start)
    {
        var i = start;
        var hex = NextIs(text, start + 1, 'x') || NextIs(text, start + 1, 'X');
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '_') { i++; continue; }
            if (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) { i++; continue; }
            if (c is '+' or '-' && !hex && text[i - 1] is 'e' or 'E') { i++; continue; }
            break;
        }
        return i;
    }

    static ExpressionProblem? NumberProblem(string token)
    {
        var digits = token.Replace("_", "", StringComparison.Ordinal);
        bool tooLarge;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            tooLarge = !ulong.TryParse(digits.AsSpan(2).TrimEnd("uUlL"), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)
                       || h > ExpressionLimits.MaxNumber;
        }
        else
        {
            var number = digits.AsSpan().TrimEnd("uUlLfFdDmM");
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return null; // the parser's to report
            tooLarge = !double.IsFinite(v) || Math.Abs(v) > ExpressionLimits.MaxNumber;
        }
        return tooLarge
            ? new(ExpressionProblem.Literal, $"The number {Shorten(token)} is too large: numbers in expressions are at most {ExpressionLimits.MaxNumber:0.#e0}.")
            : null;
    }

    static string Shorten(string s) => s.Length <= 24 ? s : s[..20] + "...";

    static bool NextIs(string text, int i, char c) => i < text.Length && text[i] == c;

    static bool FollowedByCall(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return NextIs(text, i, '(');
    }
}
