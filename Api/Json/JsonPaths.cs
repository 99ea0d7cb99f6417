namespace InventoryRules.Api.Json;

/// <summary>System.Text.Json reports "$.events[3].uom"; the wire's fields read "events[3].uom".</summary>
public static class JsonPaths
{
    public static string ToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field;
    }
}
