using System.Reflection;
using System.Text.Json.Nodes;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.RuleSets;

/// <summary>
/// Publishes the sample rule sets (samples/rulesets, embedded at build) on first start of the embedded
/// default, through the same validation a planner's publish goes through. Skipped when any rule set exists.
/// </summary>
public sealed class RuleSetSeeder(RuleSetRepository repository, RuleSetChecks checks, RuleSetCatalog catalog, TimeProvider clock,
    ILogger<RuleSetSeeder> log)
{
    const string Author = "samples";

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if ((await repository.ListAsync(null, null, ct)).Count > 0) return;
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rulesets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            var document = (await JsonNode.ParseAsync(stream, cancellationToken: ct))!;
            var json = document.ToJsonString();
            var problems = await checks.ValidateAsync(json, ct);
            if (!RuleSetChecks.Publishable(problems))
            {
                // A sample that no longer validates is a bug in the samples; the service still starts.
                log.LogError("Sample rule set {Name} does not validate: {Problems}", name,
                    string.Join("; ", problems.Select(p => $"{p.Pointer} {p.Code}: {p.Message}")));
                continue;
            }
            var segment = document["segment"]!.GetValue<string>();
            var now = Instants.ToMicros(clock.GetUtcNow());
            var draft = await repository.CreateDraftAsync(segment, document["name"]?.GetValue<string>() ?? segment, json, Author, null, now, ct);
            await repository.PublishAsync(draft.Id, draft.Revision, Author, "sample rule set", now, now, ct);
            log.LogInformation("Published sample rule set {Id} ({Rules} rules)", draft.Id, (document["rules"] as JsonArray)?.Count ?? 0);
        }
        catalog.Invalidate();
    }
}
