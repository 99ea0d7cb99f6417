using System.Text.Json.Nodes;

namespace InventoryRules.Rules.Versions;

/// <summary>
/// A structural diff of two rule set documents: top-level fields by JSON pointer, and rules matched by
/// their id (added, removed, changed field by field, or moved in order — order matters, since the
/// first matching rule of a kind decides).
/// </summary>
public static class RuleSetDiff
{
    public sealed record FieldChange(string Pointer, JsonNode? From, JsonNode? To);

    public sealed record RuleChange(string Id, string? Kind, string Change, int? FromIndex, int? ToIndex, IReadOnlyList<FieldChange> Fields);

    public sealed record Result(IReadOnlyList<FieldChange> Fields, IReadOnlyList<RuleChange> Rules)
    {
        public int Added => Rules.Count(r => r.Change == "added");
        public int Removed => Rules.Count(r => r.Change == "removed");
        public int Changed => Rules.Count(r => r.Change == "changed");
        public int Moved => Rules.Count(r => r.Change == "moved");
    }

    public static Result Compare(JsonNode? from, JsonNode? to)
    {
        var fields = new List<FieldChange>();
        var fromObject = from as JsonObject ?? [];
        var toObject = to as JsonObject ?? [];
        foreach (var name in fromObject.Select(p => p.Key).Union(toObject.Select(p => p.Key)).Where(n => n != "rules").Order(StringComparer.Ordinal))
        {
            Walk("/" + Escape(name), fromObject[name], toObject[name], fields);
        }
        return new Result(fields, CompareRules(fromObject["rules"] as JsonArray ?? [], toObject["rules"] as JsonArray ?? []));
    }

    static List<RuleChange> CompareRules(JsonArray from, JsonArray to)
    {
        var before = Index(from);
        var after = Index(to);
        var changes = new List<RuleChange>();
        foreach (var (id, (rule, index)) in after)
        {
            if (!before.TryGetValue(id, out var old))
            {
                changes.Add(new RuleChange(id, Kind(rule), "added", null, index, []));
                continue;
            }
            var fields = new List<FieldChange>();
            Walk("", old.Rule, rule, fields);
            if (fields.Count > 0) changes.Add(new RuleChange(id, Kind(rule), "changed", old.Index, index, fields));
            else if (RelativeOrderChanged(id, before, after)) changes.Add(new RuleChange(id, Kind(rule), "moved", old.Index, index, []));
        }
        foreach (var (id, (rule, index)) in before)
        {
            if (!after.ContainsKey(id)) changes.Add(new RuleChange(id, Kind(rule), "removed", index, null, []));
        }
        return [.. changes.OrderBy(c => c.ToIndex ?? c.FromIndex)];
    }

    // A rule moved when a rule present in both versions now stands on its other side.
    static bool RelativeOrderChanged(string id, Dictionary<string, (JsonNode? Rule, int Index)> before, Dictionary<string, (JsonNode? Rule, int Index)> after) =>
        before.Keys.Where(after.ContainsKey).Where(other => other != id)
            .Any(other => before[other].Index < before[id].Index != after[other].Index < after[id].Index);

    static Dictionary<string, (JsonNode? Rule, int Index)> Index(JsonArray rules)
    {
        var result = new Dictionary<string, (JsonNode?, int)>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            // A rule without an id (an invalid draft) is known by its position.
            var id = Text((rules[i] as JsonObject)?["id"]) is { Length: > 0 } given ? given : $"#{i}";
            result.TryAdd(id, (rules[i], i));
        }
        return result;
    }

    static void Walk(string pointer, JsonNode? a, JsonNode? b, List<FieldChange> changes)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var name in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Walk($"{pointer}/{Escape(name)}", oa[name], ob[name], changes);
            }
            return;
        }
        if (!JsonNode.DeepEquals(a, b)) changes.Add(new FieldChange(pointer.Length == 0 ? "/" : pointer, a?.DeepClone(), b?.DeepClone()));
    }

    static string? Kind(JsonNode? rule) => Text((rule as JsonObject)?["kind"]);

    // Drafts may be invalid: an id or kind that is not a string is treated as absent, never thrown on.
    static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
