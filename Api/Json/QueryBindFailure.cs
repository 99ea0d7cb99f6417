using System.Text.RegularExpressions;
using InventoryRules.Engine;

namespace InventoryRules.Api.Json;

/// <summary>
/// ASP.NET reports a query or route value that does not parse as <c>Failed to bind parameter "Nullable&lt;Int32&gt;
/// page" from "abc"</c>: a .NET type name, and not about the body. This reads the parameter's name and kind
/// from it, for a problem on that parameter that says what was expected.
/// </summary>
public static partial class QueryBindFailure
{
    public static FieldError? Describe(string message)
    {
        if (Pattern().Match(message) is not { Success: true } m) return null;
        var name = m.Groups["name"].Value;
        return new FieldError(name, ErrorCodes.InvalidValue, $"{name} must be {Expected(m.Groups["type"].Value)}; got '{m.Groups["value"].Value}'");
    }

    // The type is spelled "Nullable<int>", "Int64", "DateTimeOffset": matched loosely, without case.
    static string Expected(string type) => type.ToLowerInvariant() switch
    {
        var t when t.Contains("datetime", StringComparison.Ordinal) => "an ISO 8601 instant with an offset, e.g. 2026-11-20T10:00:00Z",
        var t when t.Contains("int", StringComparison.Ordinal) || t.Contains("long", StringComparison.Ordinal) => "a whole number",
        var t when t.Contains("bool", StringComparison.Ordinal) => "true or false",
        var t when t.Contains("decimal", StringComparison.Ordinal) || t.Contains("double", StringComparison.Ordinal) => "a number",
        _ => "a valid value",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.?\z""", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
