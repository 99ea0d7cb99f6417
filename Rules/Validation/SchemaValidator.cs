using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Text;
using Json.Schema;

namespace InventoryRules.Rules.Validation;

/// <summary>
/// Checks a rule set document against rules-schema.json (embedded in this assembly) and reports each
/// problem at the JSON pointer of the offending value, in words a planner understands. A missing
/// property is reported at the pointer it would have (<c>/rules/0/forSegment</c>). Thread-safe; the
/// schema is parsed once.
/// </summary>
public static class SchemaValidator
{
    public const string Violation = "schema_violation";
    public const string Required = "schema_required";
    public const string Type = "schema_type";
    public const string Enum = "schema_enum";
    public const string AdditionalProperty = "schema_additional_property";
    public const string Range = "schema_range";
    public const string Format = "schema_format";

    const string IdPattern = "^[a-z0-9][a-z0-9_-]{0,63}$";

    /// <summary>The text of rules-schema.json, e.g. for the authoring tool's help and completion.</summary>
    public static string SchemaJson { get; } = ReadResource();

    static readonly JsonElement Root = JsonSerializer.Deserialize<JsonElement>(SchemaJson);

    // A registry of our own: building into the global one would clash with any other copy of the $id.
    static readonly JsonSchema Schema = JsonSchema.FromText(SchemaJson, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    // Hierarchical, not List: telling a failed anyOf from a failed branch of a passing one, and seeing
    // a failed "not" at all, needs the tree.
    static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    /// <summary>Every schema problem of the document, in document order; empty when it conforms.</summary>
    public static IReadOnlyList<RuleProblem> Validate(JsonNode? document) =>
        Validate(JsonSerializer.SerializeToElement(document));

    /// <inheritdoc cref="Validate(JsonNode?)"/>
    public static IReadOnlyList<RuleProblem> Validate(JsonElement document)
    {
        var results = Schema.Evaluate(document, Options);
        if (results.IsValid) return [];
        var problems = new List<RuleProblem>();
        Walk(results, Root, document, problems);
        return [.. problems.Distinct().OrderBy(p => p.Pointer, PointerOrder.Instance)];
    }

    static void Walk(EvaluationResults node, JsonElement parentSchema, JsonElement doc, List<RuleProblem> problems)
    {
        if (node.IsValid) return;
        var (schema, walked) = Resolve(node.SchemaLocation);
        var at = node.InstanceLocation.ToString();
        foreach (var keyword in node.Errors?.Keys ?? Enumerable.Empty<string>())
        {
            if (keyword == "" && LastSegment(node.EvaluationPath.ToString()) == "additionalProperties")
                problems.Add(Extra(at, parentSchema, doc));
            else if (keyword == "required")
                problems.AddRange(Missing(at, schema, walked, doc));
            else
                problems.Add(Describe(keyword, at, schema, doc));
        }

        var children = node.Details ?? [];
        foreach (var group in children.GroupBy(c => Keyword(c.EvaluationPath.ToString())))
        {
            switch (group.Key)
            {
                case "if":
                    break; // a condition that did not hold is not a problem
                case "not":
                    problems.AddRange(group.Where(c => c.IsValid).Select(_ => NotBoth(at, schema, doc)));
                    break;
                case "anyOf" when group.All(c => !c.IsValid):
                case "oneOf" when group.Count(c => c.IsValid) != 1:
                    problems.Add(NoneOf(at, schema, group.Key, doc));
                    break;
                case "anyOf" or "oneOf":
                    break;
                default:
                    foreach (var child in group) Walk(child, schema, doc, problems);
                    break;
            }
        }
    }

    static IEnumerable<RuleProblem> Missing(string at, JsonElement schema, string[] walked, JsonElement doc)
    {
        var instance = Find(doc, at);
        var when = When(walked);
        foreach (var name in Strings(schema, "required"))
        {
            if (instance is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out _)) continue;
            var help = Sentence(Find(schema, $"/properties/{Escape(name)}"));
            yield return Error($"{at}/{Escape(name)}", Required,
                $"{Owner(at, doc)}{when} needs {name}{(help.Length > 0 ? $": {help}" : "")}.");
        }
    }

    static RuleProblem Extra(string at, JsonElement parentSchema, JsonElement doc)
    {
        var name = Segments(at)[^1];
        var known = parentSchema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name) : [];
        var guess = Nearest(name, known);
        var parent = ParentOf(at);
        var of = parent.Length == 0 ? "a rule set"
            : IsRule(parent) ? (Text(Find(doc, parent), "kind") is { } k && RuleKinds.IsKnown(k) ? $"a {k} rule" : "a rule")
            : FieldName(parent);
        return Error(at, AdditionalProperty,
            $"{Who(at, doc)}: {FieldName(at)} is not a property of {of}{(guess is null ? "" : $"; did you mean {guess}?")}");
    }

    static RuleProblem NotBoth(string at, JsonElement schema, JsonElement doc)
    {
        var both = schema.TryGetProperty("not", out var not) ? Strings(not, "required").ToList() : [];
        return both.Count > 1
            ? Error(at, Violation, $"{Owner(at, doc)} takes {string.Join(" or ", both)}, not both.")
            : Error(at, Violation, $"{Owner(at, doc)}: this combination of properties is not allowed.");
    }

    static RuleProblem NoneOf(string at, JsonElement schema, string keyword, JsonElement doc)
    {
        var branches = schema.TryGetProperty(keyword, out var b) ? b.EnumerateArray().ToList() : [];
        var names = branches.SelectMany(x => Strings(x, "required")).Distinct().ToList();
        var onlyRequired = branches.All(x => x.EnumerateObject().All(k => k.Name == "required"));
        if (onlyRequired && names.Count > 0)
        {
            var list = names.Count == 2 ? $"{names[0]} or {names[1]}" : $"at least one of {string.Join(", ", names)}";
            return Error(at, Required, $"{Owner(at, doc)} needs {list}.");
        }
        return Error(at, Violation, $"{Owner(at, doc)} does not match {(keyword == "oneOf" ? "exactly one" : "any")} of the allowed forms.");
    }

    static RuleProblem Describe(string keyword, string at, JsonElement schema, JsonElement doc)
    {
        var value = Find(doc, at);
        var field = $"{Who(at, doc)}: {FieldName(at)}";
        var got = Show(value);
        double? N(string k) => schema.TryGetProperty(k, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetDouble() : null;
        switch (keyword)
        {
            case "type":
                return Error(at, Type, $"{field} must be {TypeWords(schema)}, not {got}.");
            case "enum":
            {
                var allowed = Strings(schema, "enum").ToList();
                var guess = value?.ValueKind == JsonValueKind.String ? Nearest(value.Value.GetString()!, allowed) : null;
                return Error(at, Enum, $"{field} must be one of {string.Join(", ", allowed)}; {got} is not{(guess is null ? "" : $" (did you mean {guess}?)")}.");
            }
            case "const":
                return Error(at, Enum, $"{field} must be {schema.GetProperty("const").GetRawText()}, not {got}.");
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
            {
                var low = N("minimum") is { } min ? $"at least {min}" : N("exclusiveMinimum") is { } xmin ? $"greater than {xmin}" : null;
                var high = N("maximum") is { } max ? $"at most {max}" : N("exclusiveMaximum") is { } xmax ? $"less than {xmax}" : null;
                var range = N("minimum") is { } a && N("maximum") is { } z ? $"between {a} and {z}"
                    : low is not null && high is not null ? $"{low} and {high}" : low ?? high;
                return Error(at, Range, $"{field} must be {range}; it is {got}.");
            }
            case "minLength":
                return Error(at, Range, $"{field} must not be empty.");
            case "maxLength":
                return Error(at, Range, $"{field} is too long: {value?.GetString()?.Length} characters, at most {N("maxLength")}.");
            case "minItems":
                return Error(at, Range, $"{field} must not be an empty list; leave it out to mean all.");
            case "maxItems":
                return Error(at, Range, $"{field} has {value?.GetArrayLength()} entries, at most {N("maxItems")}.");
            case "minProperties":
                return Error(at, Range, $"{field} must set at least one property.");
            case "uniqueItems":
                return Error(at, Violation, $"{field} lists the same value twice.");
            case "format":
                return Error(at, Format, $"{field} must be an instant with its offset, e.g. 2026-12-31T23:00:00+01:00; it is {got}.");
            case "pattern":
            {
                var pattern = schema.GetProperty("pattern").GetString();
                var rule = pattern == IdPattern ? "use lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters"
                    : pattern == "^[A-Z]{2}$" ? "use a two-letter upper-case ISO country code such as DE or CH"
                    : $"it must match {pattern}";
                return Error(at, Format, $"{field} {got} is not valid: {rule}.");
            }
            default:
                return Error(at, Violation, $"{field} is not valid ({keyword}).");
        }
    }

    static RuleProblem Error(string pointer, string code, string message) =>
        new(pointer, code, message, RuleProblemCodes.Error);

    /// <summary>Who a problem is about: the rule set, or a rule by its id (or position) and kind.</summary>
    static string Who(string at, JsonElement doc)
    {
        var segments = Segments(at);
        if (segments.Length < 2 || segments[0] != "rules" || !int.TryParse(segments[1], out var index)) return "The rule set";
        var rule = Find(doc, $"/rules/{index}");
        var id = Text(rule, "id");
        var kind = Text(rule, "kind");
        var name = id is null ? (index + 1).ToString(CultureInfo.InvariantCulture) : $"'{id}'";
        return $"Rule {name}{(kind is not null && RuleKinds.IsKnown(kind) ? $" ({kind})" : "")}";
    }

    /// <summary>The object that lacks something: "Rule 'x' (hold)", or "Rule 'x' (allocation_priority): tieBreaks[1]".</summary>
    static string Owner(string at, JsonElement doc) =>
        at.Length == 0 || IsRule(at) ? Who(at, doc) : $"{Who(at, doc)}: {FieldName(at)}";

    static bool IsRule(string at) => Segments(at) is ["rules", var i] && int.TryParse(i, out _);

    /// <summary>"weights.transitDays", "tieBreaks[1].expression": the path inside the rule (or document) as a planner reads it.</summary>
    static string FieldName(string at)
    {
        var segments = Segments(at);
        var skip = segments.Length >= 2 && segments[0] == "rules" && int.TryParse(segments[1], out _) ? 2 : 0;
        if (skip >= segments.Length) return segments.Length == 0 ? "the document" : "the rule";
        var name = "";
        foreach (var s in segments.Skip(skip))
            name += int.TryParse(s, out _) ? $"[{s}]" : name.Length == 0 ? s : $".{s}";
        return name;
    }

    static string When(string[] walked)
    {
        // A "then" of our if/then: say which setting made the property necessary, e.g. "with method 'fixed'".
        if (walked.Length < 2 || walked[^1] != "then") return "";
        var parent = Find(Root, "/" + string.Join('/', walked[..^1].Select(Escape)));
        if (parent is not { } p || !p.TryGetProperty("if", out var cond) || !cond.TryGetProperty("properties", out var props)) return "";
        var parts = props.EnumerateObject()
            .Where(x => x.Value.TryGetProperty("const", out _))
            .Select(x => $"{x.Name} {x.Value.GetProperty("const").GetRawText().Replace('"', '\'')}");
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "" : $" with {text}";
    }

    static string TypeWords(JsonElement schema)
    {
        var t = schema.GetProperty("type");
        var names = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!) : [t.GetString()!];
        return string.Join(" or ", names.Select(n => n switch
        {
            "integer" => "a whole number",
            "number" => "a number",
            "string" => "text",
            "boolean" => "true or false",
            "array" => "a list",
            "object" => "an object",
            _ => n,
        }));
    }

    static string Show(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => $"'{value.Value.GetString()}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        null => "missing",
        _ => value.Value.GetRawText(),
    };

    static string Sentence(JsonElement? schema)
    {
        // A property that only points at a shared definition takes that definition's words.
        if (Text(schema, "description") is null && Text(schema, "$ref") is { } r && r.StartsWith('#')) schema = Find(Root, r[1..]);
        if (Text(schema, "description") is not { } d) return "";
        var end = d.IndexOf(". ", StringComparison.Ordinal);
        var s = (end < 0 ? d : d[..end]).TrimEnd('.');
        return s.Length > 1 && char.IsLower(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
    }

    /// <summary>The candidate one or two typing slips away (a swapped pair counts as one), if any.</summary>
    static string? Nearest(string wrong, IEnumerable<string> candidates) => candidates
        .Select(c => (c, d: EditDistance.Between(c, wrong)))
        .Where(x => x.d <= Math.Max(1, wrong.Length / 4) && x.d < wrong.Length)
        .OrderBy(x => x.d).Select(x => x.c).FirstOrDefault();

    /// <summary>The schema at a result's location, walking as far as the pointer goes: JsonSchema.Net 8 appends a segment to some locations (…/additionalProperties/hold).</summary>
    static (JsonElement Schema, string[] Walked) Resolve(Uri location)
    {
        var current = Root;
        var walked = new List<string>();
        foreach (var segment in Segments(Uri.UnescapeDataString(location.Fragment).TrimStart('#')))
        {
            if (Step(current, segment) is not { } next) break;
            current = next;
            walked.Add(segment);
        }
        return (current, [.. walked]);
    }

    static JsonElement? Find(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in Segments(pointer))
        {
            if (Step(current, segment) is not { } next) return null;
            current = next;
        }
        return current;
    }

    static JsonElement? Step(JsonElement at, string segment) => at.ValueKind switch
    {
        JsonValueKind.Object when at.TryGetProperty(segment, out var p) => p,
        JsonValueKind.Array when int.TryParse(segment, out var i) && i >= 0 && i < at.GetArrayLength() => at[i],
        _ => null,
    };

    static string? Text(JsonElement? o, string name) =>
        o is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static IEnumerable<string> Strings(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText())
            : [];

    /// <summary>The keyword that produced a result: "anyOf" for …/anyOf/1, "properties" for …/properties/share.</summary>
    static string Keyword(string evaluationPath)
    {
        var s = Segments(evaluationPath);
        if (s.Length == 0) return "";
        return s.Length >= 2 && s[^2] is "anyOf" or "oneOf" or "allOf" or "properties" or "patternProperties" or "dependentSchemas" or "prefixItems"
            ? s[^2] : s[^1];
    }

    static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer.TrimStart('/').Split('/').Select(Unescape)];

    static string LastSegment(string pointer) => pointer[(pointer.LastIndexOf('/') + 1)..];

    static string ParentOf(string pointer) => pointer[..Math.Max(0, pointer.LastIndexOf('/'))];

    static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    static string ReadResource()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("rules-schema.json")
            ?? throw new InvalidOperationException("rules-schema.json is not embedded in InventoryRules.Rules");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Document order: /rules/2 before /rules/10.</summary>
    sealed class PointerOrder : IComparer<string>
    {
        public static readonly PointerOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Segments(x ?? "");
            var b = Segments(y ?? "");
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
