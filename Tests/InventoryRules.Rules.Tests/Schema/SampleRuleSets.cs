using System.Text.Json.Nodes;

namespace InventoryRules.Rules.Tests.Schema;

/// <summary>The files under samples/rulesets and rules-schema.json, found from the repository root.</summary>
internal static class SampleRuleSets
{
    public static readonly string[] Segments = ["retail", "ecommerce", "vip", "cold_chain", "international"];

    public static string RepositoryRoot { get; } = FindRoot();

    public static string PathOf(string segment) => Path.Combine(RepositoryRoot, "samples", "rulesets", segment + ".json");

    public static JsonNode Load(string segment) => JsonNode.Parse(File.ReadAllText(PathOf(segment)))!;

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InventoryRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("InventoryRules.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
