using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Validation;
using Json.Schema;

namespace InventoryRules.Rules.Tests.Schema;

public class SchemaDocumentTests
{
    const string Id = "https://inventoryrules.dev/schemas/rules-schema.json";
    static readonly JsonElement Root = JsonSerializer.Deserialize<JsonElement>(SchemaValidator.SchemaJson);

    [Test]
    public void SchemaJson_IsTheFileAtTheRepositoryRoot() =>
        SchemaValidator.SchemaJson.Should().Be(File.ReadAllText(Path.Combine(SampleRuleSets.RepositoryRoot, "rules-schema.json")));

    [Test]
    public void Schema_AgainstTheDraft202012MetaSchema_IsValid()
    {
        Root.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");

        var results = MetaSchemas.Draft202012.Evaluate(Root, new EvaluationOptions { OutputFormat = OutputFormat.List });

        results.IsValid.Should().BeTrue(string.Join("; ", (results.Details ?? []).SelectMany(d => (d.Errors ?? []).Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Test]
    public void Schema_EveryPropertyUnderDefs_HasDescriptionAndExamples()
    {
        var missing = new List<string>();
        foreach (var def in Root.GetProperty("$defs").EnumerateObject())
        {
            Check(def.Value, $"/$defs/{def.Name}", missing);
            foreach (var (pointer, property) in Properties(def.Value, $"/$defs/{def.Name}"))
                Check(Deref(property), pointer, missing);
        }
        foreach (var (pointer, property) in Properties(Root, "", deep: false))
            Check(Deref(property), pointer, missing);

        missing.Should().BeEmpty();
    }

    [Test]
    public void Schema_EveryExample_IsValidWhereItIsGiven()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.FromText(SchemaValidator.SchemaJson, options);
        var wrong = new List<string>();
        var n = 0;
        foreach (var (pointer, examples) in Examples(Root, ""))
        {
            var at = JsonSchema.FromText($$"""{ "$ref": "{{Id}}#{{pointer}}" }""", options, new Uri($"https://inventoryrules.dev/test/{n++}"));
            foreach (var example in examples.EnumerateArray())
                if (!at.Evaluate(example, new EvaluationOptions { RequireFormatValidation = true }).IsValid)
                    wrong.Add($"{pointer}: {example.GetRawText()}");
        }

        n.Should().BeGreaterThan(100);
        wrong.Should().BeEmpty();
    }

    [Test]
    public void Schema_KindsAndTheirInputs_MatchRuleKinds()
    {
        var defs = Root.GetProperty("$defs");
        defs.GetProperty("rule").GetProperty("properties").GetProperty("kind").GetProperty("enum")
            .EnumerateArray().Select(k => k.GetString()).Should().BeEquivalentTo(RuleKinds.All);

        foreach (var kind in RuleKinds.All)
        {
            var def = defs.GetProperty(kind);
            def.GetProperty("properties").GetProperty("kind").GetProperty("const").GetString().Should().Be(kind);
            var expressions = Properties(def, $"/$defs/{kind}")
                .Where(p => p.Schema.TryGetProperty("x-inputs", out _)).ToList();
            expressions.Should().Contain(p => p.Pointer.EndsWith("/condition", StringComparison.Ordinal));
            foreach (var (pointer, schema) in expressions)
            {
                schema.GetProperty("x-inputs").EnumerateArray().Select(x => x.GetString())
                    .Should().Equal(RuleKinds.InputsOf(kind), pointer);
                var description = schema.GetProperty("description").GetString()!;
                foreach (var input in RuleKinds.InputsOf(kind)) description.Should().Contain(input + " (", pointer);
                schema.GetProperty("maxLength").GetInt32().Should().Be(2000);
            }
        }
        Properties(defs.GetProperty("tieBreak"), "/$defs/tieBreak").Single(p => p.Pointer.EndsWith("expression", StringComparison.Ordinal))
            .Schema.GetProperty("x-inputs").EnumerateArray().Select(x => x.GetString()).Should().Equal(RuleKinds.InputsOf(RuleKinds.AllocationPriority));
    }

    [Test]
    public void Schema_ExpressionExamples_ParseOverTheInputsTheirKindMayRead()
    {
        var problems = new List<string>();
        var defs = Root.GetProperty("$defs");
        foreach (var kind in RuleKinds.All)
        {
            foreach (var (pointer, schema) in Properties(defs.GetProperty(kind), $"/$defs/{kind}").Where(p => p.Schema.TryGetProperty("x-inputs", out _)))
            {
                var boolean = pointer.EndsWith("/condition", StringComparison.Ordinal) || pointer.EndsWith("/eligible", StringComparison.Ordinal);
                foreach (var example in schema.GetProperty("examples").EnumerateArray())
                    if (PlannerExpressions.Problem(kind, example.GetString()!, boolean) is { } p) problems.Add($"{pointer}: {p}");
            }
            foreach (var example in defs.GetProperty(kind).GetProperty("examples").EnumerateArray())
                foreach (var e in PlannerExpressions.Of(JsonNode.Parse(example.GetRawText())!))
                    if (PlannerExpressions.Problem(kind, e.Text, e.Boolean) is { } p) problems.Add($"/$defs/{kind}/examples {e.Path}: {p}");
        }
        foreach (var example in defs.GetProperty("tieBreak").GetProperty("properties").GetProperty("expression").GetProperty("examples").EnumerateArray())
            if (PlannerExpressions.Problem(RuleKinds.AllocationPriority, example.GetString()!, boolean: false) is { } p) problems.Add($"/$defs/tieBreak: {p}");

        problems.Should().BeEmpty();
    }

    [Test]
    public void Schema_EveryRuleKind_RejectsUnknownProperties()
    {
        foreach (var kind in RuleKinds.All)
            Root.GetProperty("$defs").GetProperty(kind).GetProperty("additionalProperties").GetBoolean().Should().BeFalse(kind);
    }

    static void Check(JsonElement schema, string pointer, List<string> missing)
    {
        if (!schema.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
            missing.Add($"{pointer}: description");
        if (!schema.TryGetProperty("examples", out var e) || e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0)
            missing.Add($"{pointer}: examples");
    }

    /// <summary>A property that only points at a definition takes that definition's description and examples.</summary>
    static JsonElement Deref(JsonElement schema) =>
        !schema.TryGetProperty("description", out _) && schema.TryGetProperty("$ref", out var r)
            ? r.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(Root, (e, s) => e.GetProperty(s))
            : schema;

    /// <summary>Every entry of every "properties" inside a schema (not inside if: those only test values).</summary>
    static IEnumerable<(string Pointer, JsonElement Schema)> Properties(JsonElement schema, string pointer, bool deep = true)
    {
        if (schema.ValueKind != JsonValueKind.Object) yield break;
        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.Name is "if" or "examples" or "$defs") continue;
            if (keyword.Name == "properties")
            {
                foreach (var p in keyword.Value.EnumerateObject())
                {
                    yield return ($"{pointer}/properties/{p.Name}", p.Value);
                    if (deep) foreach (var inner in Properties(p.Value, $"{pointer}/properties/{p.Name}")) yield return inner;
                }
            }
            else if (deep && keyword.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in Properties(keyword.Value, $"{pointer}/{keyword.Name}")) yield return inner;
            }
        }
    }

    static IEnumerable<(string Pointer, JsonElement Examples)> Examples(JsonElement schema, string pointer)
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in schema.EnumerateArray())
                foreach (var inner in Examples(item, $"{pointer}/{i++}")) yield return inner;
            yield break;
        }
        if (schema.ValueKind != JsonValueKind.Object) yield break;
        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.Name == "examples") yield return (pointer, keyword.Value);
            else if (keyword.Name is not ("if" or "enum" or "const" or "required" or "x-inputs"))
                foreach (var inner in Examples(keyword.Value, $"{pointer}/{keyword.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}"))
                    yield return inner;
        }
    }
}
